import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { eventColumns, toOutboxEvent, type EventRow } from '../../../runtime/events/outbox';
import type { LedgerContext } from '../context';

@ObjectType({ description: "An event from the ledger's outbox, for this graph's own services." })
class LedgerEvent {
  @Field(() => ID)
  id!: number;

  @Field()
  type!: string;

  @Field(() => GraphQLJSONObject)
  payload!: object;

  @Field()
  createdAt!: Date;
}

@Resolver()
export class LedgerEventsResolver {
  @Authorized('internal')
  @Query(() => [LedgerEvent], {
    description:
      "The ledger's committed events after an event id, oldest first (internal: other subgraphs read the purchase history from here).",
  })
  async ledgerEvents(
    @Arg('after', () => Int) after: number,
    @Arg('first', () => Int) first: number,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Ctx() ctx: LedgerContext,
  ): Promise<LedgerEvent[]> {
    if (after < 0) throw userInputError('after must be an event id', { argument: 'after' });
    if (first < 1 || first > 1000) throw userInputError('first must be between 1 and 1000', { argument: 'first' });
    const { rows } = await ctx.db.query<EventRow>(
      `select ${eventColumns} from ledger.events
       where id > $1 and ($3::text[] is null or type = any($3::text[])) order by id limit $2`,
      [after, first, types ?? null],
    );
    return rows.map((row) => {
      const event = toOutboxEvent<object>(row);
      return { id: event.id, type: event.type, payload: event.payload, createdAt: event.createdAt };
    });
  }
}
