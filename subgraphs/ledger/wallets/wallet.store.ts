import type { Queryable } from '../../../runtime/database/database';
import type { NewEvent } from '../../../runtime/events/outbox';
import type { Lot, LotTake } from '../lots/lot.rules';
import { type WalletKind, type WalletType } from './wallet.rules';

interface WalletTypeRow {
  code: string;
  kind: WalletKind;
  name: string;
  currency: string | null;
  stamps_per_purchase: number | null;
  min_purchase_amount: number;
  stamps_per_card: number | null;
  card_reward_points: number | null;
  cashback_basis_points: number | null;
  pending_days: number;
  expiry_days: number | null;
  max_household_members: number;
  active: boolean;
}

export const toWalletType = (row: WalletTypeRow): WalletType => ({
  code: row.code,
  kind: row.kind,
  name: row.name,
  currency: row.currency,
  stampsPerPurchase: row.stamps_per_purchase,
  minPurchaseAmount: Number(row.min_purchase_amount),
  stampsPerCard: row.stamps_per_card,
  cardRewardPoints: row.card_reward_points === null ? null : Number(row.card_reward_points),
  cashbackBasisPoints: row.cashback_basis_points,
  pendingDays: row.pending_days,
  expiryDays: row.expiry_days,
  maxHouseholdMembers: row.max_household_members,
  active: row.active,
});

export interface WalletAccountRow {
  customer_id: string;
  wallet: string;
  balance: number;
  pending: number;
  lifetime: number;
  cards_completed: number;
}

export interface WalletLotRow {
  customer_id: string;
  id: number;
  wallet: string;
  status: 'PENDING' | 'ACTIVE';
  amount: number;
  remaining: number;
  source_type: string;
  source_id: string;
  earned_by: string | null;
  earned_at: Date;
  available_at: Date;
  expires_at: Date | null;
}

export interface WalletEntryRow {
  customer_id: string;
  id: number;
  wallet: string;
  kind: string;
  amount: number;
  balance_after: number;
  reason: string;
  source_type: string;
  source_id: string;
  earned_by: string | null;
  created_at: Date;
}

export interface HouseholdRow {
  member_id: string;
  wallet: string;
  owner_id: string;
  joined_at: Date;
}

export interface WalletOrderEarningRow {
  customer_id: string;
  order_id: string;
  wallet: string;
  wallet_owner: string;
  amount: number;
  reversed: number;
}

export interface WalletOrderPaymentRow {
  customer_id: string;
  order_id: string;
  wallet: string;
  amount: number;
  refunded: number;
}

export interface NewWalletEntry {
  customerId: string;
  wallet: string;
  kind: string;
  amount: number;
  balanceAfter: number;
  reason: string;
  sourceType: string;
  sourceId: string;
  earnedBy: string | null;
  at: Date;
}

export interface NewWalletLot {
  customerId: string;
  wallet: string;
  pending: boolean;
  amount: number;
  sourceType: string;
  sourceId: string;
  earnedBy: string | null;
  earnedAt: Date;
  availableAt: Date;
  expiresAt: Date | null;
}

/** A wallet lot as the points' lot rules take it (a purchase's lot names its order). */
export const toLot = (row: WalletLotRow): Lot => ({
  id: Number(row.id),
  remaining: Number(row.remaining),
  earnedAt: row.earned_at,
  expiresAt: row.expires_at,
  orderId: row.source_type === 'ORDER' ? row.source_id : null,
});

const numeric = <Row extends WalletAccountRow>(row: Row): Row => ({
  ...row,
  balance: Number(row.balance),
  pending: Number(row.pending),
  lifetime: Number(row.lifetime),
});

/** SQL for the wallet tables (`ledger.wallet_*`). Writers hold the wallet account's row lock (`lock`). */
export const walletStore = {
  async types(db: Queryable): Promise<WalletType[]> {
    const { rows } = await db.query<WalletTypeRow>('select * from ledger.wallet_types order by code');
    return rows.map(toWalletType);
  },

  /**
   * What a purchase of each of `ids` earns with: the active wallet types, and the households the
   * members earn into (one statement, sent beside the purchase's other reads).
   */
  async purchaseContext(
    db: Queryable,
    ids: readonly string[],
  ): Promise<{ types: WalletType[]; households: HouseholdRow[] }> {
    const { rows } = await db.query<{ types: WalletTypeRow[]; households: HouseholdRow[] }>(
      `select coalesce((select jsonb_agg(to_jsonb(t) order by t.code) from ledger.wallet_types t where t.active),
                       '[]'::jsonb) as types,
              coalesce((select jsonb_agg(to_jsonb(h)) from ledger.wallet_households h
                         where h.member_id = any($1::uuid[])), '[]'::jsonb) as households`,
      [ids],
    );
    const row = rows[0]!;
    return { types: row.types.map(toWalletType), households: row.households };
  },

  /** Defines or changes a wallet type; null when `code` is a wallet of another kind or currency (left as it is). */
  async define(db: Queryable, type: WalletType, actor: NewEvent['actor']): Promise<WalletType | null> {
    const { rows } = await db.query<WalletTypeRow>(
      `insert into ledger.wallet_types
              (code, kind, name, currency, stamps_per_purchase, min_purchase_amount, stamps_per_card, card_reward_points,
               cashback_basis_points, pending_days, expiry_days, max_household_members, active, updated_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb)
       on conflict (code) do update
          set name = excluded.name, currency = excluded.currency, stamps_per_purchase = excluded.stamps_per_purchase,
              min_purchase_amount = excluded.min_purchase_amount, stamps_per_card = excluded.stamps_per_card,
              card_reward_points = excluded.card_reward_points, cashback_basis_points = excluded.cashback_basis_points,
              pending_days = excluded.pending_days, expiry_days = excluded.expiry_days,
              max_household_members = excluded.max_household_members, active = excluded.active,
              updated_by = excluded.updated_by, updated_at = now()
        where ledger.wallet_types.kind = excluded.kind
          and ledger.wallet_types.currency is not distinct from excluded.currency
       returning *`,
      [
        type.code,
        type.kind,
        type.name,
        type.currency,
        type.stampsPerPurchase,
        type.minPurchaseAmount,
        type.stampsPerCard,
        type.cardRewardPoints,
        type.cashbackBasisPoints,
        type.pendingDays,
        type.expiryDays,
        type.maxHouseholdMembers,
        type.active,
        JSON.stringify(actor ?? null),
      ],
    );
    return rows[0] ? toWalletType(rows[0]) : null;
  },

  /** Opens (creating it at zero) and row-locks a member's account in a wallet. */
  async lock(tx: Queryable, customerId: string, wallet: string): Promise<WalletAccountRow> {
    const { rows } = await tx.query<WalletAccountRow>(
      `insert into ledger.wallet_accounts (customer_id, wallet) values ($1, $2)
       on conflict (customer_id, wallet) do update set updated_at = now()
       returning *`,
      [customerId, wallet],
    );
    return numeric(rows[0]!);
  },

  async save(tx: Queryable, account: WalletAccountRow): Promise<void> {
    await tx.query(
      `update ledger.wallet_accounts set balance = $3, pending = $4, lifetime = $5, cards_completed = $6, updated_at = now()
        where customer_id = $1 and wallet = $2`,
      [
        account.customer_id,
        account.wallet,
        account.balance,
        account.pending,
        account.lifetime,
        account.cards_completed,
      ],
    );
  },

  async accountsOf(db: Queryable, customerIds: readonly string[]): Promise<WalletAccountRow[]> {
    const { rows } = await db.query<WalletAccountRow>(
      'select * from ledger.wallet_accounts where customer_id = any($1::uuid[])',
      [customerIds],
    );
    return rows.map(numeric);
  },

  async openLots(tx: Queryable, customerId: string, wallet: string): Promise<WalletLotRow[]> {
    const { rows } = await tx.query<WalletLotRow>(
      `select * from ledger.wallet_lots where customer_id = $1 and wallet = $2 and remaining > 0 order by id`,
      [customerId, wallet],
    );
    return rows;
  },

  /** Active lots with something left that expire by `until`, of the members `customerIds`. */
  async expiringLots(db: Queryable, customerIds: readonly string[], until: Date): Promise<WalletLotRow[]> {
    const { rows } = await db.query<WalletLotRow>(
      `select * from ledger.wallet_lots
        where customer_id = any($1::uuid[]) and status = 'ACTIVE' and remaining > 0 and expires_at <= $2
        order by expires_at`,
      [customerIds, until],
    );
    return rows;
  },

  async insertLots(tx: Queryable, lots: readonly NewWalletLot[]): Promise<void> {
    if (lots.length === 0) return;
    await tx.query(
      `insert into ledger.wallet_lots
              (customer_id, wallet, status, amount, remaining, source_type, source_id, earned_by, earned_at, available_at, expires_at)
       select l.customer_id, l.wallet, l.status, l.amount, l.amount, l.source_type, l.source_id, l.earned_by,
              l.earned_at, l.available_at, l.expires_at
         from jsonb_to_recordset($1::jsonb) as l(customer_id uuid, wallet text, status text, amount bigint,
              source_type text, source_id text, earned_by uuid, earned_at timestamptz, available_at timestamptz,
              expires_at timestamptz)`,
      [
        JSON.stringify(
          lots.map((lot) => ({
            customer_id: lot.customerId,
            wallet: lot.wallet,
            status: lot.pending ? 'PENDING' : 'ACTIVE',
            amount: lot.amount,
            source_type: lot.sourceType,
            source_id: lot.sourceId,
            earned_by: lot.earnedBy,
            earned_at: lot.earnedAt,
            available_at: lot.availableAt,
            expires_at: lot.expiresAt,
          })),
        ),
      ],
    );
  },

  /** Takes from lots (spends, reversals, expiry); `activate` also makes them spendable (a release). */
  async takeFromLots(tx: Queryable, customerId: string, takes: readonly LotTake[]): Promise<void> {
    if (takes.length === 0) return;
    await tx.query(
      `update ledger.wallet_lots l set remaining = l.remaining - t.points
         from jsonb_to_recordset($2::jsonb) as t("lotId" bigint, points bigint)
        where l.customer_id = $1 and l.id = t."lotId"`,
      [customerId, JSON.stringify(takes)],
    );
  },

  async activate(tx: Queryable, customerId: string, lotIds: readonly number[]): Promise<void> {
    if (lotIds.length === 0) return;
    await tx.query(
      `update ledger.wallet_lots set status = 'ACTIVE' where customer_id = $1 and id = any($2::bigint[])`,
      [customerId, lotIds],
    );
  },

  async insertEntries(tx: Queryable, entries: readonly NewWalletEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `insert into ledger.wallet_entries
              (customer_id, wallet, kind, amount, balance_after, reason, source_type, source_id, earned_by, created_at)
       select (e->>'customer_id')::uuid, e->>'wallet', e->>'kind', (e->>'amount')::bigint, (e->>'balance_after')::bigint,
              e->>'reason', e->>'source_type', e->>'source_id', (e->>'earned_by')::uuid, (e->>'created_at')::timestamptz
         from jsonb_array_elements($1::jsonb) with ordinality as x(e, ord)
        order by x.ord`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            customer_id: entry.customerId,
            wallet: entry.wallet,
            kind: entry.kind,
            amount: entry.amount,
            balance_after: entry.balanceAfter,
            reason: entry.reason,
            source_type: entry.sourceType,
            source_id: entry.sourceId,
            earned_by: entry.earnedBy,
            created_at: entry.at,
          })),
        ),
      ],
    );
  },

  async entriesBySource(tx: Queryable, sourceType: string, sourceId: string): Promise<WalletEntryRow[]> {
    const { rows } = await tx.query<WalletEntryRow>(
      'select * from ledger.wallet_entries where source_type = $1 and source_id = $2 order by id',
      [sourceType, sourceId],
    );
    return rows;
  },

  async history(
    db: Queryable,
    customerId: string,
    wallet: string,
    limit: number,
    beforeId: number | null,
  ): Promise<WalletEntryRow[]> {
    const { rows } = await db.query<WalletEntryRow>(
      `select * from ledger.wallet_entries
        where customer_id = $1 and wallet = $2 and ($3::bigint is null or id < $3)
        order by id desc limit $4`,
      [customerId, wallet, beforeId, limit],
    );
    return rows;
  },

  async insertOrderEarnings(tx: Queryable, rows: readonly Omit<WalletOrderEarningRow, 'reversed'>[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `insert into ledger.wallet_order_earnings (customer_id, order_id, wallet, wallet_owner, amount)
       select * from jsonb_to_recordset($1::jsonb) as r(customer_id uuid, order_id uuid, wallet text,
              wallet_owner uuid, amount bigint)`,
      [JSON.stringify(rows)],
    );
  },

  /**
   * A purchase's wallet earnings and wallet payments, with the goods' value its returns brought back
   * so far (one statement; an order with neither answers empty lists).
   */
  async orderWallets(
    tx: Queryable,
    orderId: string,
  ): Promise<{ earnings: WalletOrderEarningRow[]; payments: WalletOrderPaymentRow[]; returnedValue: number }> {
    const { rows } = await tx.query<{
      earnings: WalletOrderEarningRow[];
      payments: WalletOrderPaymentRow[];
      returned_value: string;
    }>(
      `select coalesce((select jsonb_agg(to_jsonb(w) order by w.wallet) from ledger.wallet_order_earnings w
                         where w.order_id = $1), '[]'::jsonb) as earnings,
              coalesce((select jsonb_agg(to_jsonb(p) order by p.wallet) from ledger.wallet_order_payments p
                         where p.order_id = $1), '[]'::jsonb) as payments,
              (select coalesce(sum(r.refund_amount), 0) from ledger.returns r where r.order_id = $1) as returned_value`,
      [orderId],
    );
    const row = rows[0]!;
    return {
      earnings: row.earnings.map((e) => ({ ...e, amount: Number(e.amount), reversed: Number(e.reversed) })),
      payments: row.payments.map((p) => ({ ...p, amount: Number(p.amount), refunded: Number(p.refunded) })),
      returnedValue: Number(row.returned_value),
    };
  },

  async insertPayments(tx: Queryable, rows: readonly Omit<WalletOrderPaymentRow, 'refunded'>[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `insert into ledger.wallet_order_payments (customer_id, order_id, wallet, amount)
       select * from jsonb_to_recordset($1::jsonb) as r(customer_id uuid, order_id uuid, wallet text, amount bigint)`,
      [JSON.stringify(rows)],
    );
  },

  async addRefunded(tx: Queryable, orderId: string, wallet: string, amount: number): Promise<void> {
    await tx.query(
      'update ledger.wallet_order_payments set refunded = refunded + $3 where order_id = $1 and wallet = $2',
      [orderId, wallet, amount],
    );
  },

  async addReversed(tx: Queryable, orderId: string, wallet: string, amount: number): Promise<void> {
    await tx.query(
      'update ledger.wallet_order_earnings set reversed = reversed + $3 where order_id = $1 and wallet = $2',
      [orderId, wallet, amount],
    );
  },

  async findSpend(
    tx: Queryable,
    customerId: string,
    wallet: string,
    key: string,
  ): Promise<{ fingerprint: string; amount: number; balance_after: number; spent_at: Date } | null> {
    const { rows } = await tx.query<{ fingerprint: string; amount: number; balance_after: number; spent_at: Date }>(
      'select * from ledger.wallet_spends where customer_id = $1 and wallet = $2 and idempotency_key = $3',
      [customerId, wallet, key],
    );
    return rows[0]
      ? { ...rows[0], amount: Number(rows[0].amount), balance_after: Number(rows[0].balance_after) }
      : null;
  },

  async insertSpend(
    tx: Queryable,
    spend: {
      customerId: string;
      wallet: string;
      key: string;
      fingerprint: string;
      amount: number;
      reason: string;
      balanceAfter: number;
      at: Date;
    },
  ): Promise<void> {
    await tx.query(
      `insert into ledger.wallet_spends (customer_id, wallet, idempotency_key, fingerprint, amount, reason, balance_after, spent_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        spend.customerId,
        spend.wallet,
        spend.key,
        spend.fingerprint,
        spend.amount,
        spend.reason,
        spend.balanceAfter,
        spend.at,
      ],
    );
  },

  /** Wallet accounts with pending lots due or active lots expired at `now`, after `after`, in id order. */
  async dueAccounts(db: Queryable, now: Date, limit: number): Promise<Array<{ customer_id: string; wallet: string }>> {
    const { rows } = await db.query<{ customer_id: string; wallet: string }>(
      `select distinct customer_id, wallet from ledger.wallet_lots
        where remaining > 0
          and ((status = 'PENDING' and available_at <= $1) or (status = 'ACTIVE' and expires_at <= $1))
        order by customer_id, wallet limit $2`,
      [now, limit],
    );
    return rows;
  },

  /**
   * Moves a merged member's wallets into the survivor's (a profile merge, in its transaction): lots
   * and what purchases earned into them change hands; the caller posts the balances' entries. The
   * merged member's households end (the survivor keeps their own).
   */
  async moveWallets(tx: Queryable, mergedId: string, survivorId: string): Promise<void> {
    await tx.query('update ledger.wallet_lots set customer_id = $2 where customer_id = $1', [mergedId, survivorId]);
    await tx.query('update ledger.wallet_order_earnings set wallet_owner = $2 where wallet_owner = $1', [
      mergedId,
      survivorId,
    ]);
    // A return of the merged member's order gives its wallet share back to the survivor's wallet.
    await tx.query('update ledger.wallet_order_payments set customer_id = $2 where customer_id = $1', [
      mergedId,
      survivorId,
    ]);
    await tx.query('delete from ledger.wallet_households where member_id = $1 or owner_id = $1', [mergedId]);
  },

  /** The households the members own or share, with all their members. */
  async householdsOf(db: Queryable, customerIds: readonly string[]): Promise<HouseholdRow[]> {
    const { rows } = await db.query<HouseholdRow>(
      `select * from ledger.wallet_households
        where owner_id = any($1::uuid[])
           or owner_id in (select owner_id from ledger.wallet_households where member_id = any($1::uuid[]))
        order by wallet, joined_at, member_id`,
      [customerIds],
    );
    return rows;
  },

  async joinHousehold(tx: Queryable, memberId: string, wallet: string, ownerId: string): Promise<HouseholdRow> {
    const { rows } = await tx.query<HouseholdRow>(
      `insert into ledger.wallet_households (member_id, wallet, owner_id) values ($1, $2, $3)
       on conflict (member_id, wallet) do update set member_id = excluded.member_id
       returning *`,
      [memberId, wallet, ownerId],
    );
    return rows[0]!;
  },

  async leaveHousehold(tx: Queryable, memberId: string, wallet: string): Promise<boolean> {
    const { rowCount } = await tx.query('delete from ledger.wallet_households where member_id = $1 and wallet = $2', [
      memberId,
      wallet,
    ]);
    return rowCount > 0;
  },
};
