import { GraphQLError } from 'graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { ErrorCode } from '../errors/errorCodes';
import { userInputError } from '../errors/graphqlErrors';
import { UpstreamError } from '../http/graphqlRequest';
import { isUuid } from '../validation/validators';
import type { EventFeed } from './eventFeed';

export interface CustomerEventArgs {
  customerId: string;
  after?: string | null;
}

export interface CustomerEventSource<Context> {
  /** Throws when the caller may not follow this member's events. */
  authorize(context: Context, customerId: string): void;
  /**
   * The id this subgraph files the member's events under: the id itself, or the survivor of a
   * merge it has applied. Null when no member has the id.
   */
  currentId(context: Context, customerId: string): Promise<string | null>;
}

/**
 * The `subscribe` of a subscription field that follows one member's events of `types` in the
 * subgraph's outbox: checks the id, the caller's right and the cursor, refuses an unknown member
 * (rather than waiting for events that will never come), then streams, with `after`, the events
 * since that id first.
 */
export function subscribeToCustomerEvents<Context extends { events: EventFeed }>(
  types: readonly string[],
  source: CustomerEventSource<Context>,
) {
  return async ({ args, context }: SubscribeResolverData<unknown, CustomerEventArgs, Context>) => {
    if (!isUuid(args.customerId))
      throw userInputError('customerId must be a customer id (UUID)', { argument: 'customerId' });
    source.authorize(context, args.customerId);
    let after: number | undefined;
    if (args.after !== undefined && args.after !== null) {
      after = Number(args.after);
      if (!Number.isSafeInteger(after) || after < 0)
        throw userInputError('after must be an event id', { argument: 'after' });
      // A cursor from the future would silently skip every event up to it.
      if (after > (await context.events.newestId()))
        throw userInputError('after is newer than any event; pass an eventId or lastEventId you received', {
          argument: 'after',
        });
    }
    let customerId: string | null;
    try {
      customerId = await source.currentId(context, args.customerId);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      throw new GraphQLError(`${error.message}; the subscription was not opened`, {
        extensions: {
          code: error.kind === 'UpstreamUnavailable' ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR,
        },
      });
    }
    if (customerId === null)
      throw new GraphQLError(`No customer has the id ${args.customerId}`, {
        extensions: { code: ErrorCode.NOT_FOUND },
      });
    return context.events.subscribe({ after, filter: { aggregateId: customerId, types } });
  };
}
