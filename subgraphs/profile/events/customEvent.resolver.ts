import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireChannelAccess, requireCustomerAccess, requirePrincipal } from '../../../runtime/auth/authorize';
import { actorOf, type Principal } from '../../../runtime/auth/principal';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { batchItemFailure, invalidItem, requireBatchSize, type Outcome } from '../../../runtime/schema/batchItems';
import type { ProfileContext } from '../context';
import { CustomerError, CustomerErrorKind } from '../customers/customer.errors';
import { Customer } from '../customers/customer.type';
import { profileErrorCodes } from '../errors';
import type { EventToTrack, Sender } from './customEvent.service';
import type { CustomerEventRow } from './customerEvent.store';
import {
  CustomerEvent,
  DefineEventTypeInput,
  EventType,
  TrackEventBatchResult,
  TrackEventInput,
} from './customEvent.type';
import type { EventTypeRow } from './eventType.store';
import { TimelineEntryKind } from '../timeline/timelineEntry.rules';

const toEventType = (row: EventTypeRow): EventType => ({
  name: row.name,
  version: row.version,
  description: row.description,
  properties: row.properties,
  membersMaySend: row.members_may_send,
  definedAt: row.defined_at,
});

const senderOf = (caller: Principal): Sender => ({ actor: actorOf(caller), isMember: caller.role === 'member' });

@Resolver(() => Customer)
export class CustomEventResolver {
  @Authorized('marketer', 'admin')
  @Mutation(() => EventType, {
    description:
      'Defines a custom event type (marketers, admins), or redefines it as a new version when the definition changed; the same definition again answers the current version. Events already tracked keep their version.',
  })
  async defineEventType(@Arg('input') input: DefineEventTypeInput, @Ctx() ctx: ProfileContext): Promise<EventType> {
    const definition = { ...input, description: input.description ?? null };
    return toEventType(await ctx.customEvents.defineType(definition, actorOf(ctx.principal)));
  }

  @Authorized('marketer', 'admin', 'associate', 'service')
  @Query(() => [EventType], { description: 'Every custom event type, at its latest version, by name.' })
  async eventTypes(@Ctx() ctx: ProfileContext): Promise<EventType[]> {
    return (await ctx.customEvents.types()).map(toEventType);
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => CustomerEvent, {
    description:
      'Records a custom event for a customer, found by id or by an identifier: a member their own, of types members may send; an associate for IN_STORE; an integration for its channel; an admin. Unknown types or properties, values of the wrong kind and payloads over `PROFILE_EVENT_MAX_BYTES` are BAD_USER_INPUT naming the property (`extensions.field`), and nothing is stored. Idempotent on (channel, idempotencyKey): a retry answers the first event, another event under the key is a CONFLICT.',
  })
  async trackEvent(@Arg('input') input: TrackEventInput, @Ctx() ctx: ProfileContext): Promise<CustomerEvent> {
    return this.toEvent(ctx, await this.track(ctx, requirePrincipal(ctx.principal), input));
  }

  @Authorized('member', 'associate', 'service', 'admin')
  @Mutation(() => [TrackEventBatchResult], {
    description:
      'Records a batch of custom events (an app or a shop syncing its queue): one result per input, in input order, each as `trackEvent` would answer it, with the same roles per item. A failed item has its coded `error` and never stops or undoes the others; a retried batch answers the first events. At most `PROFILE_EVENT_BATCH_MAX_ITEMS` inputs (default 100), else BAD_USER_INPUT and nothing is done.',
  })
  async trackEvents(
    @Arg('inputs', () => [TrackEventInput], { validate: false }) inputs: TrackEventInput[],
    @Ctx() ctx: ProfileContext,
  ): Promise<TrackEventBatchResult[]> {
    requireBatchSize(inputs.length, ctx.customEvents.policy.batchMaxItems);
    const caller = requirePrincipal(ctx.principal);
    // Each item is checked as trackEvent checks its input, side by side; the good ones are tracked together.
    const checked: Array<Outcome<EventToTrack>> = await Promise.all(
      inputs.map(async (input) => {
        const invalid = await invalidItem(input);
        if (invalid) return invalid;
        try {
          return { ok: true as const, value: await this.eventToTrack(ctx, caller, input) };
        } catch (error) {
          return batchItemFailure(profileErrorCodes, error);
        }
      }),
    );
    const events = checked.flatMap((item) => (item.ok ? [item.value] : []));
    const tracked = (await ctx.customEvents.trackAll(events, senderOf(caller))).values();
    return checked.map((item, index) => {
      if (!item.ok) return { index, event: null, error: item.error };
      const outcome = tracked.next().value!;
      if (!outcome.ok) return { index, event: null, error: batchItemFailure(profileErrorCodes, outcome.error).error };
      return { index, event: this.toEvent(ctx, outcome.value), error: null };
    });
  }

  private async track(ctx: ProfileContext, caller: Principal, input: TrackEventInput): Promise<CustomerEventRow> {
    return ctx.customEvents.track(await this.eventToTrack(ctx, caller, input), senderOf(caller));
  }

  /** The input's event, its customer found, once the caller is allowed to send it. */
  private async eventToTrack(ctx: ProfileContext, caller: Principal, input: TrackEventInput): Promise<EventToTrack> {
    const customerId = await this.customerOf(ctx, input);
    if (caller.role === 'member') requireCustomerAccess(caller, customerId, []);
    else requireChannelAccess(caller, input.channel, caller.role === 'associate' ? (caller.storeId ?? null) : null);
    return {
      customerId,
      type: input.type,
      properties: input.properties ?? {},
      occurredAt: input.occurredAt ?? null,
      channel: input.channel,
      idempotencyKey: input.idempotencyKey,
    };
  }

  /** The id the input names the customer by: given, or the owner of the identifier. */
  private async customerOf(ctx: ProfileContext, input: TrackEventInput): Promise<string> {
    if (Boolean(input.customerId) === Boolean(input.identifier)) {
      throw userInputError('Name the customer by customerId or by identifier (one of them)', { field: 'customerId' });
    }
    if (input.customerId) return ctx.customers.requireValidId(input.customerId);
    const { type, value } = input.identifier!;
    const id = await ctx.loaders.customerIdByIdentifier.load(ctx.customers.normalisedIdentifier(type, value));
    if (!id) throw new CustomerError(CustomerErrorKind.UnknownCustomer, `No customer has this ${type.toLowerCase()}`);
    return id;
  }

  private fields(row: CustomerEventRow): Omit<CustomerEvent, 'customer'> {
    return {
      id: row.id,
      kind: TimelineEntryKind.CUSTOM_EVENT,
      type: row.type,
      typeVersion: row.type_version,
      properties: row.properties,
      occurredAt: row.occurred_at,
      channel: row.channel,
      recordedAt: row.recorded_at,
    };
  }

  /** The event as answered; its customer is read only when the selection asks for more than the event. */
  private toEvent(ctx: ProfileContext, row: CustomerEventRow): CustomerEvent {
    return {
      ...this.fields(row),
      get customer() {
        return ctx.loaders.customerById.load(row.customer_id).then((customer) => customer!);
      },
    };
  }
}
