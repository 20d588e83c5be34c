import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireCustomerAccess } from '../../../runtime/auth/authorize';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { toConnection, type Connection } from '../../../runtime/pagination/connection';
import { checkPageSize, decodeCursor } from '../../../runtime/pagination/cursor';
import type { ProfileContext } from '../context';
import { Customer } from '../customers/customer.type';
import type { CustomerEvent } from '../events/customEvent.type';
import { timelineStore, type TimelinePosition, type TimelineRow } from './timeline.store';
import { TimelineEntryKind, timelineFilter } from './timelineEntry.rules';
import {
  TimelineEntryConnection,
  type MessageEntry,
  type PurchaseEntry,
  type RedemptionEntry,
  type ReturnEntry,
  type TimelineEntry,
} from './timelineEntry.type';

/** A timeline position as an opaque cursor: the time and id of the last entry of a page. */
const cursorOf = (row: TimelineRow): string => `${row.occurred_at.toISOString()}|${row.id}`;

function positionAfter(after: string | null | undefined): TimelinePosition | null {
  if (after === null || after === undefined) return null;
  const [occurredAt, id, ...rest] = decodeCursor<string>(after, 'string').split('|');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!occurredAt || !id || rest.length > 0 || Number.isNaN(Date.parse(occurredAt)) || !uuid.test(id)) {
    throw userInputError(`"${after.slice(0, 64)}" is not a valid cursor`, { argument: 'after' });
  }
  return { occurredAt, id };
}

const timeOf = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);

/** The entry a row shows, as its kind's type. */
function entryOf(
  row: TimelineRow,
  customer: Customer,
): CustomerEvent | PurchaseEntry | ReturnEntry | RedemptionEntry | MessageEntry {
  const common = { id: row.id, kind: row.kind, occurredAt: row.occurred_at, channel: row.channel };
  const summary = row.summary ?? {};
  switch (row.kind) {
    case TimelineEntryKind.CUSTOM_EVENT:
      return {
        ...common,
        kind: TimelineEntryKind.CUSTOM_EVENT,
        channel: row.channel!,
        customer,
        type: row.type!,
        typeVersion: row.type_version!,
        properties: row.properties,
        recordedAt: row.recorded_at,
      } satisfies CustomerEvent;
    case TimelineEntryKind.PURCHASE:
      return {
        ...common,
        orderId: summary.orderId as string,
        storeId: (summary.storeId as string | null) ?? null,
        totalAmount: summary.totalAmount as number,
        currency: summary.currency as string,
        pointsEarned: summary.pointsEarned as number,
        imported: summary.imported === true,
      } satisfies PurchaseEntry;
    case TimelineEntryKind.RETURN:
      return {
        ...common,
        returnId: summary.returnId as string,
        orderId: summary.orderId as string,
        refundAmount: summary.refundAmount as number,
        refundCurrency: (summary.currency as string | undefined) ?? null,
        pointsReversed: summary.pointsReversed as number,
        imported: summary.imported === true,
      } satisfies ReturnEntry;
    case TimelineEntryKind.REDEMPTION:
      return {
        ...common,
        redemptionId: summary.redemptionId as string,
        reward: { id: summary.rewardId as string },
        voucherId: summary.voucherId as string,
        pointsSpent: summary.pointsSpent as number,
        usedAt: timeOf(summary.usedAt),
        usedChannel: (summary.usedChannel as string | undefined) ?? null,
        cancelled: summary.cancelled === true,
      } satisfies RedemptionEntry;
    case TimelineEntryKind.MESSAGE:
      return {
        ...common,
        messageId: summary.messageId as string,
        messageKind: summary.messageKind as string,
        campaignKey: (summary.campaignKey as string | null) ?? null,
        offer:
          typeof summary.rewardId === 'string'
            ? { reward: { id: summary.rewardId }, voucherId: (summary.voucherId as string | null) ?? null }
            : null,
        openedAt: timeOf(summary.openedAt),
        clickedAt: timeOf(summary.clickedAt),
        redeemedAt: timeOf(summary.redeemedAt),
      } satisfies MessageEntry;
  }
}

@Resolver(() => Customer)
export class TimelineResolver {
  @Authorized('member', 'associate', 'admin')
  @FieldResolver(() => TimelineEntryConnection, {
    description:
      "The customer's timeline, newest first (by when things happened), a page at a time: custom events, purchases, returns, redemptions and the messages sent them in one list. `kinds` keeps only those kinds (absent: every kind); `types` keeps only custom events of those types (without `kinds`: custom events alone). The member themself and staff.",
  })
  async timeline(
    @Root() customer: Customer,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Arg('kinds', () => [TimelineEntryKind], { nullable: true }) kinds: TimelineEntryKind[] | null,
    @Ctx() ctx: ProfileContext,
  ): Promise<Connection<TimelineEntry>> {
    requireCustomerAccess(ctx.principal, customer.id, ['associate', 'admin']);
    const size = checkPageSize(first);
    const asked = timelineFilter(kinds, types);
    if (!asked.ok) throw userInputError(asked.message, { argument: asked.argument });
    const rows = await timelineStore.page(ctx.db, customer.id, {
      first: size,
      after: positionAfter(after),
      filter: asked.filter,
    });
    return toConnection(rows, size, cursorOf, (row) => entryOf(row, customer));
  }
}
