import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import { appendEvent } from '../../../runtime/events/outbox';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import type { ImportBatchRequest, ImportBatchResult } from '../../../runtime/imports/importBatch';
import { RecordReader } from '../../../runtime/imports/recordReader';
import { ledgerEvents } from '../contract/events';
import { orderFingerprint, orderTotal, type OrderLine } from '../purchases/purchase.rules';
import { matchReturnedLines, returnFingerprint, type ReturnedLine } from '../returns/return.rules';
import {
  inBatchTransaction,
  notInFuture,
  outcome,
  refuseDuplicates,
  resolveMembers,
  type LedgerImportContext,
  type Parsed,
} from './importCommon';

const channelName = /^[A-Z][A-Z0-9_]*$/;
const currencyCode = /^[A-Z]{3}$/;

interface OrderRecord {
  kind: 'PURCHASE' | 'RETURN';
  orderKey: string;
  memberKey: string;
  returnOf: string | null;
  occurredAt: Date;
  /** A RETURN's are its original order's unless the record names them. */
  channel: string | null;
  storeId: string | null;
  currency: string | null;
  totalAmount: number | null;
  lines: OrderLine[];
}

function readOrder(reader: RecordReader, now: Date): OrderRecord {
  const kind = reader.oneOf('kind', ['PURCHASE', 'RETURN'] as const) ?? 'PURCHASE';
  const purchase = kind === 'PURCHASE';
  const orderKey = reader.text('orderKey', { required: true, maxLength: 200 }) ?? '';
  const memberKey = reader.text('memberKey', { required: true, maxLength: 200 }) ?? '';
  const returnOf = reader.text('returnOf', { required: !purchase, maxLength: 200 }) ?? null;
  if (purchase && returnOf !== null) reader.fail('returnOf', ErrorCode.BAD_USER_INPUT, 'returnOf is for a RETURN only');
  const occurredAt = reader.time('occurredAt', { required: true });
  notInFuture(reader, 'occurredAt', occurredAt, now);
  const channel = reader.text('channel', { required: purchase, maxLength: 50 }) ?? null;
  if (channel !== null && !channelName.test(channel)) {
    reader.fail(
      'channel',
      ErrorCode.BAD_USER_INPUT,
      `channel must be UPPER_SNAKE_CASE (IN_STORE, ONLINE, ...), got ${channel}`,
    );
  }
  const storeId = reader.text('storeId', { maxLength: 100 }) ?? null;
  const currency = reader.text('currency', { required: purchase }) ?? null;
  if (currency !== null && !currencyCode.test(currency)) {
    reader.fail('currency', ErrorCode.BAD_USER_INPUT, `currency must be an ISO 4217 code (EUR), got ${currency}`);
  }
  const lines: OrderLine[] = [];
  for (const line of reader.list('lines') ?? []) {
    const sku = line.text('sku', { required: true, maxLength: 100 });
    const category = purchase ? (line.text('category', { maxLength: 100 }) ?? null) : null;
    const quantity = line.integer('quantity', { required: true, min: 1 });
    const unitPrice = purchase ? line.integer('unitPrice', { required: true, min: 0 }) : 0;
    reader.adopt(line);
    if (sku !== undefined && quantity !== undefined && unitPrice !== undefined) {
      lines.push({ sku, category, quantity, unitPrice });
    }
  }
  let totalAmount = reader.integer('totalAmount', { min: 0 }) ?? null;
  if (purchase && totalAmount === null) {
    if (lines.length === 0)
      reader.fail('totalAmount', ErrorCode.BAD_USER_INPUT, 'totalAmount is required without lines');
    totalAmount = orderTotal(lines) ?? null;
    if (totalAmount === null)
      reader.fail('lines', ErrorCode.BAD_USER_INPUT, 'The lines total more than an amount can hold');
  }
  return {
    kind,
    orderKey,
    memberKey,
    returnOf,
    occurredAt: occurredAt ?? now,
    channel,
    storeId,
    currency,
    totalAmount,
    lines,
  };
}

/** An order of the ledger (stored or applied in this batch) that a RETURN can name. */
interface KnownOrder {
  id: string;
  customerId: string;
  channel: string;
  storeId: string | null;
  currency: string;
  totalAmount: number;
  lines: OrderLine[];
  occurredAt: Date;
  /** Units of each line returned so far (stored returns and this batch's). */
  returned: number[];
  refunded: number;
}

const storeKey = (channel: string, storeId: string | null, key: string) =>
  JSON.stringify([channel, storeId ?? '', key]);

/**
 * ORDERS: past purchases and returns, as history (they earn and take back no points: the balance
 * comes from BALANCES). They are kept as native ones are (fingerprints included, so a native retry
 * of an imported order replays it and a native return of it works), count for the customer's and
 * the program's metrics, and reach the campaign subgraph's purchase history in one OrdersImported
 * event per batch. Idempotent by (channel, store, orderKey) like native orders; purchases are applied
 * before returns, so a batch may return its own purchases.
 */
export async function importOrders(
  context: LedgerImportContext,
  db: Database,
  request: ImportBatchRequest,
): Promise<ImportBatchResult> {
  const now = context.clock();
  const parsed: Parsed<OrderRecord>[] = request.records.map((record) => {
    const reader = new RecordReader(record);
    return { reader, value: readOrder(reader, now) };
  });
  refuseDuplicates(parsed, (value) => `${value.kind}:${value.orderKey}`, 'orderKey');
  const customers = await resolveMembers(context, parsed);
  return inBatchTransaction(db, request.dryRun, (tx) => applyOrders(tx, request, parsed, customers, now));
}

async function applyOrders(
  tx: Queryable,
  request: ImportBatchRequest,
  parsed: Parsed<OrderRecord>[],
  customers: Map<string, string>,
  now: Date,
): Promise<ImportBatchResult> {
  const valid = parsed.filter((p) => p.reader.ok);
  const purchases = valid.filter((p) => p.value.kind === 'PURCHASE');
  const returns = valid.filter((p) => p.value.kind === 'RETURN');
  const customerOf = (value: OrderRecord) => customers.get(value.memberKey)!;

  // What is already stored: the purchases by their key, the orders returns name, and the returns.
  const { rows: stored } = await tx.query<{
    id: string;
    customer_id: string;
    channel: string;
    store_id: string | null;
    external_order_id: string;
    currency: string;
    total_amount: string | number;
    lines: OrderLine[];
    fingerprint: string;
    occurred_at: Date;
    returned: number[] | null;
    refunded: string | number;
  }>(
    `select o.id, o.customer_id, o.channel, o.store_id, o.external_order_id, o.currency, o.total_amount, o.lines,
            o.fingerprint, o.occurred_at, r.returned, coalesce(r.refunded, 0) as refunded
       from ledger.orders o
       left join lateral (
         select sum(x.refund_amount) as refunded,
                (select array_agg(coalesce(u.units, 0) order by i.n)
                   from generate_series(0, jsonb_array_length(o.lines) - 1) as i(n)
                   left join (select (l->>'line')::int as line, sum((l->>'quantity')::int) as units
                                from ledger.returns y, jsonb_array_elements(y.lines) l
                               where y.order_id = o.id group by 1) u on u.line = i.n) as returned
           from ledger.returns x where x.order_id = o.id
       ) r on true
      where (o.channel, coalesce(o.store_id, ''), o.external_order_id) in
              (select * from unnest($1::text[], $2::text[], $3::text[]))
         or (o.external_order_id = any($4::text[]) and o.customer_id = any($5::uuid[]))`,
    [
      purchases.map((p) => p.value.channel!),
      purchases.map((p) => p.value.storeId ?? ''),
      purchases.map((p) => p.value.orderKey),
      returns.map((p) => p.value.returnOf!),
      [...new Set(returns.map((p) => customerOf(p.value)))],
    ],
  );
  const known = new Map<string, KnownOrder>();
  const byKey = new Map<string, { id: string; fingerprint: string }>();
  /** Orders a return may name: by (customer, orderKey). */
  const returnable = new Map<string, KnownOrder[]>();
  const addReturnable = (order: KnownOrder, key: string) => {
    const index = JSON.stringify([order.customerId, key]);
    returnable.set(index, [...(returnable.get(index) ?? []), order]);
  };
  for (const row of stored) {
    byKey.set(storeKey(row.channel, row.store_id, row.external_order_id), { id: row.id, fingerprint: row.fingerprint });
    const order: KnownOrder = {
      id: row.id,
      customerId: row.customer_id,
      channel: row.channel,
      storeId: row.store_id,
      currency: row.currency,
      totalAmount: Number(row.total_amount),
      lines: row.lines,
      occurredAt: row.occurred_at,
      returned: row.returned?.map(Number) ?? row.lines.map(() => 0),
      refunded: Number(row.refunded),
    };
    known.set(row.id, order);
    addReturnable(order, row.external_order_id);
  }

  let skipped = 0;
  const newPurchases: Array<Record<string, unknown>> = [];
  for (const { reader, value } of purchases) {
    const customerId = customerOf(value);
    const fingerprint = orderFingerprint({
      customerId,
      channel: value.channel!,
      externalOrderId: value.orderKey,
      storeId: value.storeId,
      currency: value.currency!,
      lines: value.lines,
    });
    const existing = byKey.get(storeKey(value.channel!, value.storeId, value.orderKey));
    if (existing) {
      if (existing.fingerprint === fingerprint) skipped += 1;
      else reader.fail('orderKey', ErrorCode.CONFLICT, `Order ${value.orderKey} was recorded with other content`);
      continue;
    }
    const order: KnownOrder = {
      id: randomUUID(),
      customerId,
      channel: value.channel!,
      storeId: value.storeId,
      currency: value.currency!,
      totalAmount: value.totalAmount!,
      lines: value.lines,
      occurredAt: value.occurredAt,
      returned: value.lines.map(() => 0),
      refunded: 0,
    };
    addReturnable(order, value.orderKey);
    newPurchases.push({
      id: order.id,
      customer_id: customerId,
      channel: order.channel,
      external_order_id: value.orderKey,
      store_id: order.storeId,
      currency: order.currency,
      total_amount: order.totalAmount,
      lines: order.lines.map((line) => ({
        sku: line.sku,
        category: line.category ?? null,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
      })),
      fingerprint,
      occurred_at: order.occurredAt.toISOString(),
    });
  }

  const returnKeys = returns.map((p) => {
    const order = (returnable.get(JSON.stringify([customerOf(p.value), p.value.returnOf])) ?? []).find(
      (candidate) => p.value.channel === null || candidate.channel === p.value.channel,
    );
    return {
      parsed: p,
      order,
      channel: p.value.channel ?? order?.channel ?? '',
      storeId: p.value.storeId ?? order?.storeId ?? null,
    };
  });
  const { rows: storedReturns } = await tx.query<{ key: string; fingerprint: string }>(
    `select jsonb_build_array(channel, coalesce(store_id, ''), external_return_id)::text as key, fingerprint
       from ledger.returns
      where (channel, coalesce(store_id, ''), external_return_id) in (select * from unnest($1::text[], $2::text[], $3::text[]))`,
    [
      returnKeys.map((r) => r.channel),
      returnKeys.map((r) => r.storeId ?? ''),
      returnKeys.map((r) => r.parsed.value.orderKey),
    ],
  );
  // jsonb's text has a space after each comma; compare the parsed keys.
  const returnsByKey = new Map(
    storedReturns.map((row) => {
      const [channel, store, key] = JSON.parse(row.key) as [string, string, string];
      return [storeKey(channel, store || null, key), row.fingerprint];
    }),
  );
  const newReturns: Array<Record<string, unknown>> = [];
  for (const { parsed: p, order, channel, storeId } of returnKeys) {
    const { reader, value } = p;
    if (!order) {
      reader.fail('returnOf', ErrorCode.NOT_FOUND, `Member ${value.memberKey} has no order ${value.returnOf}`);
      continue;
    }
    if (value.occurredAt < order.occurredAt) {
      reader.fail(
        'occurredAt',
        ErrorCode.BAD_USER_INPUT,
        `The return is before its purchase (${order.occurredAt.toISOString()})`,
      );
      continue;
    }
    // Without lines, a return takes back every unit not returned yet.
    const requested: ReturnedLine[] =
      value.lines.length > 0
        ? value.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))
        : order.lines
            .map((line, index) => ({ sku: line.sku, quantity: line.quantity - (order.returned[index] ?? 0) }))
            .filter((line) => line.quantity > 0);
    const fingerprint = returnFingerprint(order.id, storeId, requested);
    const existing = returnsByKey.get(storeKey(channel, storeId, value.orderKey));
    if (existing !== undefined) {
      if (existing === fingerprint) skipped += 1;
      else reader.fail('orderKey', ErrorCode.CONFLICT, `Return ${value.orderKey} was recorded with other content`);
      continue;
    }
    const match = matchReturnedLines(order.lines, order.returned, requested);
    if (!match.ok) {
      reader.fail(
        'lines',
        ErrorCode.BAD_USER_INPUT,
        `Order ${value.returnOf} has ${match.returnable} of ${match.sku} left to return; ${match.requested} were returned`,
      );
      continue;
    }
    const lineAmounts = match.units.reduce((sum, units, index) => sum + units * order.lines[index]!.unitPrice, 0);
    const refund = value.totalAmount ?? (order.lines.length > 0 ? lineAmounts : order.totalAmount - order.refunded);
    if (refund > order.totalAmount - order.refunded) {
      reader.fail(
        'totalAmount',
        ErrorCode.BAD_USER_INPUT,
        `The refund ${refund} is more than the ${order.totalAmount - order.refunded} left of order ${value.returnOf}`,
      );
      continue;
    }
    order.refunded += refund;
    match.units.forEach((units, index) => (order.returned[index]! += units));
    newReturns.push({
      id: randomUUID(),
      order_id: order.id,
      customer_id: order.customerId,
      channel,
      store_id: storeId,
      external_return_id: value.orderKey,
      lines: match.units.flatMap((quantity, line) =>
        quantity > 0 ? [{ line, sku: order.lines[line]!.sku, quantity }] : [],
      ),
      fingerprint,
      refund_amount: refund,
      occurred_at: value.occurredAt.toISOString(),
    });
  }
  if (newPurchases.length + newReturns.length > 0) {
    await writeOrders(tx, request.jobId, newPurchases, newReturns, now);
  }
  return outcome(parsed, skipped);
}

const purchaseColumns = `id uuid, customer_id uuid, channel text, external_order_id text, store_id text, currency text,
  total_amount bigint, lines jsonb, fingerprint text, occurred_at timestamptz`;
const returnColumns = `id uuid, order_id uuid, customer_id uuid, channel text, store_id text, external_return_id text,
  lines jsonb, fingerprint text, refund_amount bigint, occurred_at timestamptz`;

/** One statement per table: accounts, orders, returns, program metrics' member-days, the outbox. */
async function writeOrders(
  tx: Queryable,
  jobId: string,
  purchases: Array<Record<string, unknown>>,
  returns: Array<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  const purchasesJson = JSON.stringify(purchases);
  const returnsJson = JSON.stringify(returns);
  await tx.query(
    `insert into ledger.accounts as a (customer_id, opened_at, updated_at, last_activity_at)
     select customer_id, least(min(occurred_at), $2), $2, max(occurred_at)
       from jsonb_to_recordset($1::jsonb) as p (${purchaseColumns}) group by customer_id
     on conflict (customer_id) do update
       set opened_at = least(a.opened_at, excluded.opened_at),
           last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at)`,
    [purchasesJson, now],
  );
  await tx.query(
    `insert into ledger.orders (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines,
                                fingerprint, points_earned, balance_after, occurred_at, recorded_at)
     select p.id, p.customer_id, p.channel, p.external_order_id, p.store_id, p.currency, p.total_amount, p.lines,
            p.fingerprint, 0, a.balance, p.occurred_at, $2
       from jsonb_to_recordset($1::jsonb) as p (${purchaseColumns}) join ledger.accounts a using (customer_id)`,
    [purchasesJson, now],
  );
  await tx.query(
    `insert into ledger.returns (id, order_id, customer_id, channel, store_id, external_return_id, lines, fingerprint,
                                 refund_amount, points_reversed, pending_cancelled, points_not_recovered,
                                 balance_after, reversals, occurred_at, recorded_at)
     select r.id, r.order_id, r.customer_id, r.channel, r.store_id, r.external_return_id, r.lines, r.fingerprint,
            r.refund_amount, 0, 0, 0, a.balance, '[]'::jsonb, r.occurred_at, $2
       from jsonb_to_recordset($1::jsonb) as r (${returnColumns}) join ledger.accounts a using (customer_id)`,
    [returnsJson, now],
  );
  // As the fold counts native ones: a purchase on its day (imported ones in no tier: which one the
  // member held then is not known), a refund on the return's day in the tier held now.
  await tx.query(
    `insert into ledger.metrics_member_days as m (day, customer_id, channel, store_id, currency, tier, orders, spend, refunds)
     select day, customer_id, channel, store_id, currency, tier, sum(orders), sum(spend), sum(refunds) from (
       select (p.occurred_at at time zone 'UTC')::date as day, p.customer_id, p.channel, coalesce(p.store_id, '') as store_id,
              p.currency, '' as tier, 1 as orders, p.total_amount as spend, 0::bigint as refunds
         from jsonb_to_recordset($1::jsonb) as p (${purchaseColumns})
       union all
       select (r.occurred_at at time zone 'UTC')::date, o.customer_id, o.channel, coalesce(o.store_id, ''), o.currency,
              coalesce(a.tier, ''), 0, 0, r.refund_amount
         from jsonb_to_recordset($2::jsonb) as r (${returnColumns})
         join ledger.orders o on o.id = r.order_id join ledger.accounts a on a.customer_id = o.customer_id
     ) imported
     group by day, customer_id, channel, store_id, currency, tier
     on conflict (day, customer_id, channel, store_id, currency, tier) do update
       set orders = m.orders + excluded.orders, spend = m.spend + excluded.spend, refunds = m.refunds + excluded.refunds`,
    [purchasesJson, returnsJson],
  );
  await appendEvent(
    tx,
    'ledger',
    ledgerEvents.OrdersImported.event(
      jobId,
      {
        jobId,
        purchases: purchases.map((p) => ({
          purchaseId: String(p.id),
          customerId: String(p.customer_id),
          channel: String(p.channel),
          storeId: (p.store_id as string | null) ?? null,
          currency: String(p.currency),
          totalAmount: Number(p.total_amount),
          lines: p.lines as Array<{ sku: string; category: string | null; quantity: number; unitPrice: number }>,
          occurredAt: String(p.occurred_at),
        })),
        returns: returns.map((r) => ({
          returnId: String(r.id),
          purchaseId: String(r.order_id),
          customerId: String(r.customer_id),
          amount: Number(r.refund_amount),
          occurredAt: String(r.occurred_at),
        })),
      },
      null,
    ),
  );
}
