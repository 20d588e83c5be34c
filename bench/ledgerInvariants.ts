import type { Queryable } from '../runtime/database/database';

/**
 * The ledger's invariants over every account, after a bench's load: balance = Σ entries = Σ spendable
 * lots ≥ 0 and pending = Σ pending lots ≥ 0, for points and for every wallet account. Throws naming
 * the first accounts that break them.
 */
export async function checkLedgerInvariants(db: Queryable): Promise<{ accounts: number }> {
  const { rows } = await db.query<{ customer_id: string; balance: number; journal: number; active: number }>(
    `select a.customer_id, a.balance, a.pending, coalesce(j.points, 0) as journal,
            coalesce(l.active, 0) as active, coalesce(l.pending, 0) as pending_lots
       from ledger.accounts a
       left join (select customer_id, sum(points)::bigint as points from ledger.entries group by customer_id) j
         on j.customer_id = a.customer_id
       left join (select customer_id,
                         sum(remaining) filter (where status = 'ACTIVE')::bigint as active,
                         sum(remaining) filter (where status = 'PENDING')::bigint as pending
                    from ledger.lots group by customer_id) l
         on l.customer_id = a.customer_id
      where a.balance <> coalesce(j.points, 0) or a.balance <> coalesce(l.active, 0) or a.balance < 0
         or a.pending <> coalesce(l.pending, 0) or a.pending < 0
      limit 5`,
  );
  if (rows.length > 0) throw new Error(`ledger invariants broken: ${JSON.stringify(rows)}`);
  const { rows: wallets } = await db.query<{ customer_id: string; wallet: string }>(
    `select a.customer_id, a.wallet, a.balance, a.pending, coalesce(j.amount, 0) as journal,
            coalesce(l.active, 0) as active, coalesce(l.pending, 0) as pending_lots
       from ledger.wallet_accounts a
       left join (select customer_id, wallet, sum(amount)::bigint as amount from ledger.wallet_entries
                   group by customer_id, wallet) j
         on j.customer_id = a.customer_id and j.wallet = a.wallet
       left join (select customer_id, wallet,
                         sum(remaining) filter (where status = 'ACTIVE')::bigint as active,
                         sum(remaining) filter (where status = 'PENDING')::bigint as pending
                    from ledger.wallet_lots group by customer_id, wallet) l
         on l.customer_id = a.customer_id and l.wallet = a.wallet
      where a.balance <> coalesce(j.amount, 0) or a.balance <> coalesce(l.active, 0) or a.balance < 0
         or a.pending <> coalesce(l.pending, 0) or a.pending < 0
      limit 5`,
  );
  if (wallets.length > 0) throw new Error(`wallet invariants broken: ${JSON.stringify(wallets)}`);
  const { rows: counted } = await db.query<{ accounts: number }>(
    'select count(*)::int as accounts from ledger.accounts',
  );
  return { accounts: counted[0]!.accounts };
}
