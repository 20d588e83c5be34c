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
import { orderImportStore, orderStoreKey } from './orderImport.store';

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
  const stored = await orderImportStore.ordersByKeys(
    tx,
    purchases.map((p) => ({ channel: p.value.channel!, storeId: p.value.storeId, key: p.value.orderKey })),
    returns.map((p) => p.value.returnOf!),
    [...new Set(returns.map((p) => customerOf(p.value)))],
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
    byKey.set(orderStoreKey(row.channel, row.store_id, row.external_order_id), {
      id: row.id,
      fingerprint: row.fingerprint,
    });
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
    const existing = byKey.get(orderStoreKey(value.channel!, value.storeId, value.orderKey));
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
  const returnsByKey = await orderImportStore.returnFingerprints(
    tx,
    returnKeys.map((r) => ({ channel: r.channel, storeId: r.storeId, key: r.parsed.value.orderKey })),
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
    const named: ReturnedLine[] = value.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }));
    // As the record names its lines (a re-run of a return of "everything left" is the same return).
    const fingerprint = returnFingerprint(order.id, storeId, named);
    const existing = returnsByKey.get(orderStoreKey(channel, storeId, value.orderKey));
    if (existing !== undefined) {
      if (existing === fingerprint) skipped += 1;
      else reader.fail('orderKey', ErrorCode.CONFLICT, `Return ${value.orderKey} was recorded with other content`);
      continue;
    }
    // Without lines, a return takes back every unit not returned yet.
    const requested: ReturnedLine[] =
      named.length > 0
        ? named
        : order.lines
            .map((line, index) => ({ sku: line.sku, quantity: line.quantity - (order.returned[index] ?? 0) }))
            .filter((line) => line.quantity > 0);
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

/** One statement per table: accounts, orders, returns; then the batch's OrdersImported event (the program metrics and the campaign history fold it). */
async function writeOrders(
  tx: Queryable,
  jobId: string,
  purchases: Array<Record<string, unknown>>,
  returns: Array<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  await orderImportStore.write(tx, purchases, returns, now);
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
