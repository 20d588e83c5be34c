import { InternalCredential } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import type { GraphQLResult, TestGraph } from './testGraph';

/** A clock a test moves forward by hand, for pending windows, expiry and tier reviews. */
export class TestClock {
  private nowMs: number;

  constructor(start = new Date()) {
    this.nowMs = start.getTime();
  }

  now = (): Date => new Date(this.nowMs);

  advanceMinutes(minutes: number): void {
    this.nowMs += minutes * 60_000;
  }

  advanceDays(days: number): void {
    this.nowMs += days * 86_400_000;
  }

  /** Calendar months in UTC, as the ledger counts them. */
  advanceMonths(months: number): void {
    const next = new Date(this.nowMs);
    next.setUTCMonth(next.getUTCMonth() + months);
    this.nowMs = next.getTime();
  }
}

export interface LedgerTotals {
  balance: number;
  pending: number;
  lifetimePoints: number;
  /** sum(entries.points) */
  journal: number;
  /** sum of the ACTIVE lots' remaining points */
  activeLots: number;
  /** sum of the PENDING lots' remaining points */
  pendingLots: number;
  entries: number;
}

/** Reads a member's account, journal and lots straight from the ledger's tables. */
export async function ledgerTotals(graph: TestGraph, customerId: string): Promise<LedgerTotals> {
  const { rows } = await graph.database.db.query<LedgerTotals>(
    `select coalesce(a.balance, 0) as balance, coalesce(a.pending, 0) as pending,
            coalesce(a.lifetime_points, 0) as "lifetimePoints",
            (select coalesce(sum(points), 0)::bigint from ledger.entries where customer_id = $1) as journal,
            (select count(*)::bigint from ledger.entries where customer_id = $1) as entries,
            (select coalesce(sum(remaining), 0)::bigint from ledger.lots where customer_id = $1 and status = 'ACTIVE') as "activeLots",
            (select coalesce(sum(remaining), 0)::bigint from ledger.lots where customer_id = $1 and status = 'PENDING') as "pendingLots"
       from (select $1::uuid as id) c left join ledger.accounts a on a.customer_id = c.id`,
    [customerId],
  );
  return rows[0]!;
}

/** balance = sum(entries) = sum(active lots) >= 0, pending = sum(pending lots) >= 0; returns the totals. */
export async function expectConsistentLedger(graph: TestGraph, customerId: string): Promise<LedgerTotals> {
  const totals = await ledgerTotals(graph, customerId);
  expect(totals.journal).toBe(totals.balance);
  expect(totals.activeLots).toBe(totals.balance);
  expect(totals.pendingLots).toBe(totals.pending);
  expect(totals.balance).toBeGreaterThanOrEqual(0);
  expect(totals.pending).toBeGreaterThanOrEqual(0);
  await expectConsistentWallets(graph, customerId);
  return totals;
}

/** A member's accounts in wallets besides points, with their entries' and lots' sums. */
export async function walletTotals(
  graph: TestGraph,
  customerId: string,
): Promise<
  Array<{ wallet: string; balance: number; pending: number; entries: number; activeLots: number; pendingLots: number }>
> {
  const { rows } = await graph.database.db.query<{
    wallet: string;
    balance: number;
    pending: number;
    entries: number;
    activeLots: number;
    pendingLots: number;
  }>(
    `select a.wallet, a.balance, a.pending,
            (select coalesce(sum(amount), 0)::bigint from ledger.wallet_entries e
              where e.customer_id = a.customer_id and e.wallet = a.wallet) as entries,
            (select coalesce(sum(remaining), 0)::bigint from ledger.wallet_lots l
              where l.customer_id = a.customer_id and l.wallet = a.wallet and l.status = 'ACTIVE') as "activeLots",
            (select coalesce(sum(remaining), 0)::bigint from ledger.wallet_lots l
              where l.customer_id = a.customer_id and l.wallet = a.wallet and l.status = 'PENDING') as "pendingLots"
       from ledger.wallet_accounts a where a.customer_id = $1 order by a.wallet`,
    [customerId],
  );
  return rows;
}

/** In every wallet of the member: balance = sum(entries) = sum(active lots), pending = sum(pending lots). */
export async function expectConsistentWallets(graph: TestGraph, customerId: string): Promise<void> {
  for (const wallet of await walletTotals(graph, customerId)) {
    expect({
      wallet: wallet.wallet,
      entries: wallet.entries,
      activeLots: wallet.activeLots,
      pendingLots: wallet.pendingLots,
    }).toEqual({
      wallet: wallet.wallet,
      entries: wallet.balance,
      activeLots: wallet.balance,
      pendingLots: wallet.pending,
    });
  }
}

/**
 * Calls the ledger subgraph directly as another service of the graph would (the rewards service
 * debiting points for a redemption): internal tokens are refused at the gateway.
 */
export function ledgerAsService(graph: TestGraph) {
  const credential = new InternalCredential('rewards', developmentAuthConfig().internalSecret);
  return async <Data>(query: string, variables: Record<string, unknown>): Promise<GraphQLResult<Data>> => {
    const response = await fetch(graph.stack.subgraphs.ledger.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult<Data>;
  };
}

export const debitPointsMutation = `mutation Debit($input: DebitPointsInput!) {
  debitPoints(input: $input) { redemptionId points balanceAfter refundedAt }
}`;

export const refundPointsMutation = `mutation Refund($redemptionId: ID!, $reason: String!) {
  refundPoints(redemptionId: $redemptionId, reason: $reason) { redemptionId points balanceAfter refundedAt }
}`;

export const runPointsJobMutation = `mutation { runPointsJob { accounts ranAt } }`;

export async function setTierProgram(
  graph: TestGraph,
  windowMonths: number,
  tiers: Array<{ name: string; qualifyingPoints: number; multiplierPercent?: number }>,
): Promise<void> {
  await graph.admin.data(`mutation($input: TierProgramInput!) { setTierProgram(input: $input) { windowMonths } }`, {
    input: { windowMonths, tiers },
  });
}
