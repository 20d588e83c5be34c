import type { Database, Queryable } from '../../../runtime/database/database';
import { consumerCursor } from '../../../runtime/events/consumerCursor';
import { payloadField, typesOf } from '../../../runtime/events/eventContract';
import {
  ledgerEvents,
  type AccountsMergedPayload,
  type OrdersImportedPayload,
  type BalanceUpdatedPayload,
  type BalanceUpdatedV1Payload,
  type PurchaseRecordedPayload,
  type ReturnRecordedPayload,
} from '../contract/events';
import type { RangeFigures } from './programMetrics.rules';

const cursorSource = 'metrics';
const { PurchaseRecorded, ReturnRecorded, BalanceUpdated, AccountsMerged, OrdersImported } = ledgerEvents;
/** The ledger events the program metrics fold. */
export const foldedEvents = [PurchaseRecorded, ReturnRecorded, BalanceUpdated, AccountsMerged, OrdersImported];
export const foldedTypes = typesOf(foldedEvents);

// The payload fields the fold reads in SQL, named through the contract so that a rename fails the build.
const purchaseField = (field: keyof PurchaseRecordedPayload & string) => payloadField<PurchaseRecordedPayload>(field);
const returnField = (field: keyof ReturnRecordedPayload & string) => payloadField<ReturnRecordedPayload>(field);
const mergeField = (field: keyof AccountsMergedPayload & string) => payloadField<AccountsMergedPayload>(field);
const importField = (field: keyof OrdersImportedPayload & string) => payloadField<OrdersImportedPayload>(field);
type ImportedPurchase = OrdersImportedPayload['purchases'][number];
type ImportedReturn = OrdersImportedPayload['returns'][number];
const importedPurchase = (field: keyof ImportedPurchase & string) => payloadField<ImportedPurchase>(field);
const importedReturn = (field: keyof ImportedReturn & string) => payloadField<ImportedReturn>(field);
/** A BalanceUpdated field of both versions (the fold reads raw payloads, v1 rows as they were written). */
const balanceField = (field: keyof BalanceUpdatedV1Payload & keyof BalanceUpdatedPayload & string) =>
  payloadField<BalanceUpdatedPayload>(field);

export interface FoldReport {
  /** Outbox events folded in this run. */
  events: number;
  /** The last outbox event the aggregates include. */
  lastEventId: number;
}

/**
 * Folds the ledger's outbox into the metrics aggregates, from the saved cursor, a batch per
 * transaction with the cursor (so a crash re-reads a batch rather than skipping or doubling it;
 * runs on several instances are serialised by the cursor row's lock). The outbox, unlike the
 * journal, commits in id order, so no event is ever passed over.
 */
export async function foldLedgerEvents(db: Database, batchSize = 2000): Promise<FoldReport> {
  let events = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const fromId = await consumerCursor.lock(tx, 'ledger', cursorSource);
      const { rows } = await tx.query<{ to_id: number | null; count: number }>(
        `select max(id) as to_id, count(*)::int as count
           from (select id from ledger.events where id > $1 and type = any($2::text[]) order by id limit $3) b`,
        [fromId, foldedTypes, batchSize],
      );
      const { to_id: toId, count } = rows[0]!;
      if (toId === null) return { count: 0, lastEventId: fromId };
      await foldBatch(tx, fromId, toId);
      await consumerCursor.advance(tx, 'ledger', cursorSource, toId);
      return { count, lastEventId: toId };
    });
    events += batch.count;
    if (batch.count < batchSize) return { events, lastEventId: batch.lastEventId };
  }
}

async function foldBatch(tx: Queryable, fromId: number, toId: number): Promise<void> {
  const day = (occurredAt: string) => `((e.payload->>'${occurredAt}')::timestamptz at time zone 'UTC')::date`;
  await tx.query(
    `insert into ledger.metrics_member_days as m (day, customer_id, channel, store_id, currency, tier, orders, spend, refunds)
     select day, customer_id, channel, store_id, currency, tier, sum(orders), sum(spend), sum(refunds) from (
       select ${day(purchaseField('occurredAt'))} as day, (e.payload->>'${purchaseField('customerId')}')::uuid as customer_id,
              e.payload->>'${purchaseField('channel')}' as channel,
              coalesce(e.payload->>'${purchaseField('storeId')}', '') as store_id, e.payload->>'${purchaseField('currency')}' as currency,
              coalesce(e.payload->>'${purchaseField('tier')}', '') as tier, 1 as orders,
              (e.payload->>'${purchaseField('totalAmount')}')::bigint as spend, 0::bigint as refunds
         from ledger.events e where e.id > $1 and e.id <= $2 and e.type = $3
       union all
       select ${day(returnField('occurredAt'))}, o.customer_id, o.channel, coalesce(o.store_id, ''), o.currency, coalesce(a.tier, ''),
              0, 0, (e.payload->>'${returnField('amount')}')::bigint
         from ledger.events e join ledger.orders o on o.id = (e.payload->>'${returnField('purchaseId')}')::uuid
         join ledger.accounts a on a.customer_id = o.customer_id
        where e.id > $1 and e.id <= $2 and e.type = $4
       union all
       -- Imported purchases count in no tier (which one the member held then is not known).
       select ((p->>'${importedPurchase('occurredAt')}')::timestamptz at time zone 'UTC')::date,
              (p->>'${importedPurchase('customerId')}')::uuid, p->>'${importedPurchase('channel')}',
              coalesce(p->>'${importedPurchase('storeId')}', ''), p->>'${importedPurchase('currency')}', '', 1,
              (p->>'${importedPurchase('totalAmount')}')::bigint, 0
         from ledger.events e cross join lateral jsonb_array_elements(e.payload->'${importField('purchases')}') p
        where e.id > $1 and e.id <= $2 and e.type = $5
       union all
       select ((r->>'${importedReturn('occurredAt')}')::timestamptz at time zone 'UTC')::date, o.customer_id, o.channel,
              coalesce(o.store_id, ''), o.currency, coalesce(a.tier, ''), 0, 0, (r->>'${importedReturn('amount')}')::bigint
         from ledger.events e cross join lateral jsonb_array_elements(e.payload->'${importField('returns')}') r
         join ledger.orders o on o.id = (r->>'${importedReturn('purchaseId')}')::uuid
         join ledger.accounts a on a.customer_id = o.customer_id
        where e.id > $1 and e.id <= $2 and e.type = $5
     ) folded
     group by day, customer_id, channel, store_id, currency, tier
     on conflict (day, customer_id, channel, store_id, currency, tier) do update
       set orders = m.orders + excluded.orders, spend = m.spend + excluded.spend, refunds = m.refunds + excluded.refunds`,
    [fromId, toId, PurchaseRecorded.type, ReturnRecorded.type, OrdersImported.type],
  );
  await foldMerges(tx, fromId, toId);
  // Both versions of BalanceUpdated, raw: v1 events from before program metrics have no kinds (their
  // change counts as UNKNOWN) nor postedAt (the commit time counts), as the contract's upgrade reads them.
  await tx.query(
    `insert into ledger.metrics_points_days as m (day, kind, points)
     select (coalesce((e.payload->>'${balanceField('postedAt')}')::timestamptz, e.created_at) at time zone 'UTC')::date,
            k.kind, sum(k.points)
       from ledger.events e
       cross join lateral (
         select key as kind, value::bigint as points from jsonb_each_text(e.payload->'${balanceField('kinds')}')
         union all
         select 'UNKNOWN', (e.payload->>'${balanceField('change')}')::bigint where e.payload->'${balanceField('kinds')}' is null
       ) k
      where e.id > $1 and e.id <= $2 and e.type = $3
      group by 1, 2
     on conflict (day, kind) do update set points = m.points + excluded.points`,
    [fromId, toId, BalanceUpdated.type],
  );
}

/**
 * A merged member's days become the survivor's, so one person counts once in a range. Merges apply
 * one at a time in event order (a chain of merges in one batch ends with its last survivor); the
 * batch's purchases are already folded, and later ones are posted under the survivor's id.
 */
async function foldMerges(tx: Queryable, fromId: number, toId: number): Promise<void> {
  const { rows } = await tx.query<{ survivor: string; merged: string }>(
    `select e.payload->>'${mergeField('customerId')}' as survivor, e.payload->>'${mergeField('mergedId')}' as merged
       from ledger.events e where e.id > $1 and e.id <= $2 and e.type = $3 order by e.id`,
    [fromId, toId, AccountsMerged.type],
  );
  for (const { survivor, merged } of rows) {
    await tx.query(
      `with moved as (delete from ledger.metrics_member_days where customer_id = $2 returning *)
       insert into ledger.metrics_member_days as m (day, customer_id, channel, store_id, currency, tier, orders, spend, refunds)
       select day, $1, channel, store_id, currency, tier, orders, spend, refunds from moved
       on conflict (day, customer_id, channel, store_id, currency, tier) do update
         set orders = m.orders + excluded.orders, spend = m.spend + excluded.spend, refunds = m.refunds + excluded.refunds`,
      [survivor, merged],
    );
  }
}

/** The program's figures for the UTC days `from` up to (not including) `to`, from the aggregates only. */
export async function rangeFigures(
  db: Queryable,
  from: Date,
  to: Date,
  currency: string,
  churnAfterDays: number,
): Promise<RangeFigures> {
  const range = [from.toISOString(), to.toISOString(), currency];
  const inRange = `day >= ($1::timestamptz at time zone 'UTC')::date and day < ($2::timestamptz at time zone 'UTC')::date`;
  const [members, groups, points, outstanding, cursor, churn, lifetime] = await Promise.all([
    db.query<{
      active: number;
      purchases: number;
      net: number;
      multi: number;
      multi_net: number;
      single_net: number;
    }>(
      `with member as (
         select customer_id, sum(orders) as orders, sum(spend - refunds) as net,
                count(distinct channel) filter (where orders > 0) as channels
           from ledger.metrics_member_days where ${inRange} and currency = $3 group by customer_id)
       select count(*) filter (where orders > 0)::int as active, coalesce(sum(orders), 0)::int as purchases,
              coalesce(sum(net), 0)::bigint as net,
              count(*) filter (where channels > 1)::int as multi,
              coalesce(sum(net) filter (where channels > 1), 0)::bigint as multi_net,
              coalesce(sum(net) filter (where channels = 1), 0)::bigint as single_net
         from member`,
      range,
    ),
    db.query<{ dimension: string; key: string; active: number; purchases: number; net: number }>(
      `select 'channel' as dimension, channel as key,
              count(distinct customer_id) filter (where orders > 0)::int as active,
              sum(orders)::int as purchases, sum(spend - refunds)::bigint as net
         from ledger.metrics_member_days where ${inRange} and currency = $3 group by channel
       union all
       select 'store', store_id, count(distinct customer_id) filter (where orders > 0)::int,
              sum(orders)::int, sum(spend - refunds)::bigint
         from ledger.metrics_member_days where ${inRange} and currency = $3 and store_id <> '' group by store_id
       union all
       select 'tier', coalesce(nullif(tier, ''), 'NONE'), count(distinct customer_id) filter (where orders > 0)::int,
              sum(orders)::int, sum(spend - refunds)::bigint
         from ledger.metrics_member_days where ${inRange} and currency = $3 group by 2
       order by 1, 2`,
      range,
    ),
    db.query<{ kind: string; points: number }>(
      `select kind, sum(points)::bigint as points from ledger.metrics_points_days where ${inRange} group by kind`,
      range.slice(0, 2),
    ),
    db.query<{ points: number }>(
      `select coalesce(sum(points), 0)::bigint as points from ledger.metrics_points_days
        where day < ($1::timestamptz at time zone 'UTC')::date`,
      [to.toISOString()],
    ),
    consumerCursor.read(db, 'ledger', cursorSource),
    db.query<{ base: number; churned: number }>(
      `with base as (
         select distinct customer_id from ledger.metrics_member_days
          where day >= ($1::timestamptz at time zone 'UTC')::date - $4::int
            and day < ($1::timestamptz at time zone 'UTC')::date and currency = $3 and orders > 0),
       kept as (
         select distinct customer_id from ledger.metrics_member_days where ${inRange} and currency = $3 and orders > 0)
       select count(*)::int as base, count(*) filter (where kept.customer_id is null)::int as churned
         from base left join kept using (customer_id)`,
      [...range, churnAfterDays],
    ),
    // Historic CLV of the range's active members: everything they spent, net, up to `to`.
    db.query<{ members: number; clv: number; multi: number; multi_clv: number; single_clv: number }>(
      `with active as (
         select distinct customer_id from ledger.metrics_member_days where ${inRange} and currency = $3 and orders > 0),
       life as (
         select d.customer_id, sum(d.spend - d.refunds) as clv,
                count(distinct d.channel) filter (where d.orders > 0) as channels
           from ledger.metrics_member_days d join active using (customer_id)
          where d.day < ($2::timestamptz at time zone 'UTC')::date and d.currency = $3
          group by d.customer_id)
       select count(*)::int as members, coalesce(sum(clv), 0)::bigint as clv,
              count(*) filter (where channels > 1)::int as multi,
              coalesce(sum(clv) filter (where channels > 1), 0)::bigint as multi_clv,
              coalesce(sum(clv) filter (where channels = 1), 0)::bigint as single_clv
         from life`,
      range,
    ),
  ]);
  const totals = members.rows[0]!;
  const group = (dimension: string) =>
    groups.rows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({ key: row.key, activeMembers: row.active, purchases: row.purchases, netSpend: row.net }));
  return {
    activeMembers: totals.active,
    purchases: totals.purchases,
    netSpend: totals.net,
    multiChannelMembers: totals.multi,
    multiChannelNetSpend: totals.multi_net,
    singleChannelNetSpend: totals.single_net,
    pointsByKind: Object.fromEntries(points.rows.map((row) => [row.kind, row.points])),
    pointsOutstanding: outstanding.rows[0]!.points,
    byChannel: group('channel'),
    byStore: group('store'),
    byTier: group('tier'),
    churnBase: churn.rows[0]!.base,
    churnedMembers: churn.rows[0]!.churned,
    lifetime: {
      members: lifetime.rows[0]!.members,
      clv: lifetime.rows[0]!.clv,
      multiChannelMembers: lifetime.rows[0]!.multi,
      multiChannelClv: lifetime.rows[0]!.multi_clv,
      singleChannelClv: lifetime.rows[0]!.single_clv,
    },
    lastEventId: cursor,
  };
}
