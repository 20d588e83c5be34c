import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Database } from '../database/database';
import { userInputError } from '../errors/graphqlErrors';
import { readEvents } from './outbox';

export interface OutboxEventsField {
  /** The service schema whose `events` table is read. */
  schema: string;
  /** The query field, e.g. `ledgerEvents`. */
  field: string;
  /** The GraphQL type of one event, e.g. `LedgerEvent`. */
  typeName: string;
  description: string;
}

/**
 * Builds the internal query through which other subgraphs read a service's committed events after a
 * cursor, oldest first (they never read its tables).
 */
export function outboxEventsResolver(options: OutboxEventsField): new () => object {
  @ObjectType(options.typeName, {
    description: `An event from the ${options.schema} outbox, for this graph's services.`,
  })
  class OutboxEventType {
    @Field(() => ID)
    id!: number;

    @Field()
    type!: string;

    @Field(() => Int, { description: "The version of the type's contract the payload follows." })
    version!: number;

    @Field({ description: 'The entity the event is about (a customer id, a reward id, ...).' })
    aggregateId!: string;

    @Field(() => GraphQLJSONObject)
    payload!: object;

    @Field()
    createdAt!: Date;
  }

  @Resolver()
  class OutboxEventsResolver {
    @Authorized('internal')
    @Query(() => [OutboxEventType], { name: options.field, description: options.description })
    async events(
      @Arg('after', () => Int) after: number,
      @Arg('first', () => Int) first: number,
      @Arg('types', () => [String], { nullable: true }) types: string[] | null,
      @Ctx() ctx: { db: Database },
    ): Promise<OutboxEventType[]> {
      if (after < 0) throw userInputError('after must be an event id', { argument: 'after' });
      if (first < 1 || first > 1000) throw userInputError('first must be between 1 and 1000', { argument: 'first' });
      return readEvents<object>(ctx.db, options.schema, after, first, types ?? null);
    }
  }

  return OutboxEventsResolver;
}
