import type { ExportDataset, ExportDatasets } from '../../../runtime/exports/exportEndpoint';
import { ledgerExportStore, type BalanceRow, type JournalRow, type LotRow, type OrderRow } from './ledgerExport.store';

/** Every member's account as of now: Σ balance is the points liability (`programMetrics.pointsOutstanding`). */
const balances: ExportDataset<BalanceRow, string> = {
  ranged: false,
  read: ledgerExportStore.balances,
  keyOf: (row) => row.customer_id,
  columns: [
    { name: 'customerId', description: 'the member', value: (row) => row.customer_id },
    { name: 'balance', description: 'spendable points', value: (row) => row.balance },
    { name: 'pending', description: 'points not spendable yet (return window)', value: (row) => row.pending },
    { name: 'lifetimePoints', description: 'every point ever earned', value: (row) => row.lifetime_points },
    { name: 'tier', description: 'current tier name, empty without one', value: (row) => row.tier },
    { name: 'tierSince', description: 'when the member reached it', value: (row) => row.tier_since },
    { name: 'tierReviewAt', description: 'when the tier is next reviewed', value: (row) => row.tier_review_at },
    {
      name: 'lastActivityAt',
      description: 'last purchase or redemption (inactivity expiry)',
      value: (row) => row.last_activity_at,
    },
    { name: 'openedAt', description: 'when the account was opened', value: (row) => row.opened_at },
    {
      name: 'mergedInto',
      description: 'the surviving member of a merge (its balance is 0 then)',
      value: (row) => row.merged_into,
    },
  ],
};

/** Lots still holding points as of now: ACTIVE remaining adds up to the balance, PENDING to pending. */
const lots: ExportDataset<LotRow, number> = {
  ranged: false,
  read: ledgerExportStore.lots,
  keyOf: (row) => row.id,
  columns: [
    { name: 'lotId', description: 'the lot', value: (row) => row.id },
    { name: 'customerId', description: 'the member', value: (row) => row.customer_id },
    { name: 'orderId', description: 'the purchase that earned it, if one did', value: (row) => row.order_id },
    { name: 'status', description: 'ACTIVE (spendable) or PENDING', value: (row) => row.status },
    { name: 'points', description: 'points the lot was earned with', value: (row) => row.points },
    { name: 'remaining', description: 'points left in it', value: (row) => row.remaining },
    { name: 'earnedAt', description: 'when they were earned', value: (row) => row.earned_at },
    { name: 'availableAt', description: 'when they are (or were) spendable', value: (row) => row.available_at },
    { name: 'expiresAt', description: 'when what remains expires, empty for never', value: (row) => row.expires_at },
  ],
};

/** The append-only journal: Σ points per member is their balance; `from`/`to` on the posting time. */
const journal: ExportDataset<JournalRow, number> = {
  ranged: true,
  read: ledgerExportStore.journal,
  keyOf: (row) => row.id,
  columns: [
    { name: 'entryId', description: 'increasing with posting order', value: (row) => row.id },
    { name: 'customerId', description: 'the member', value: (row) => row.customer_id },
    {
      name: 'kind',
      description: 'EARN, BONUS, REDEEM, REVERSE, ADJUST, EXPIRE, TRANSFER_IN, TRANSFER_OUT',
      value: (row) => row.kind,
    },
    { name: 'points', description: 'signed: credits positive, debits negative', value: (row) => row.points },
    { name: 'balanceAfter', description: "the member's balance after it", value: (row) => row.balance_after },
    { name: 'reason', description: 'why, as the member sees it', value: (row) => row.reason },
    {
      name: 'sourceType',
      description: 'ORDER, RETURN, REDEMPTION, CAMPAIGN, ACTOR, EXPIRY, ACTIVITY, MERGE',
      value: (row) => row.source_type,
    },
    { name: 'sourceId', description: 'the order, return, redemption, ... id', value: (row) => row.source_id },
    { name: 'ruleId', description: 'the campaign rule that earned it, if any', value: (row) => row.rule_id },
    { name: 'postedAt', description: 'when it was posted', value: (row) => row.created_at },
  ],
};

/** Purchases with their lines and what was refunded; `from`/`to` on the order's time. */
const orders: ExportDataset<OrderRow, string> = {
  ranged: true,
  read: ledgerExportStore.orders,
  keyOf: (row) => row.id,
  columns: [
    { name: 'orderId', description: "the ledger's id of the purchase", value: (row) => row.id },
    { name: 'customerId', description: 'the member', value: (row) => row.customer_id },
    { name: 'channel', description: 'IN_STORE, ONLINE, MOBILE_APP, ...', value: (row) => row.channel },
    { name: 'storeId', description: 'the store, for IN_STORE', value: (row) => row.store_id },
    {
      name: 'externalOrderId',
      description: "the till's or shop's order id (unique per channel and store)",
      value: (row) => row.external_order_id,
    },
    { name: 'currency', description: 'ISO 4217', value: (row) => row.currency },
    { name: 'totalAmount', description: 'in minor units of currency', value: (row) => row.total_amount },
    {
      name: 'refundedAmount',
      description: 'returned so far, in minor units of currency',
      value: (row) => row.refunded_amount,
    },
    { name: 'pointsEarned', description: 'points the purchase earned', value: (row) => row.points_earned },
    {
      name: 'lines',
      description: 'the order lines as JSON: [{ sku, quantity, unitPrice, category? }]',
      value: (row) => row.lines,
    },
    { name: 'occurredAt', description: 'when the purchase happened', value: (row) => row.occurred_at },
    { name: 'recordedAt', description: 'when the ledger recorded it', value: (row) => row.recorded_at },
  ],
};

/** The datasets the ledger serves to `GET /export/<dataset>` on the gateway. */
export const ledgerExports: ExportDatasets = { balances, lots, journal, orders };
