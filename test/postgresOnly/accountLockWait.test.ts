import { RecordPurchaseDocument } from '../../examples/sdk/graphql';
import type { Queryable } from '../../runtime/database/database';
import { AccountBook } from '../../subgraphs/ledger/accounts/accountBook';
import { EntryKind, SourceType } from '../../subgraphs/ledger/journal/journal.rules';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/** Resolves once some backend waits for a lock in the statement that locks an account with its lots. */
async function someoneWaitsForTheAccount(graph: TestGraph): Promise<void> {
  for (;;) {
    const { rows } = await graph.database.db.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%with locked as materialized%'`,
    );
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// Runs in the postgres project only: it needs two transactions waiting for each other, which
// PGlite's one backend never has.
describe("a posting that waited for a member's account lock", () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
  });
  afterAll(() => graph?.stop());

  it('spends the lots the transaction it waited for wrote (its lock statement read them before the wait)', async () => {
    const member = (await enrollMember(graph)).id;
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member) });
    const { db } = graph.database;
    const credit = { kind: EntryKind.ADJUST, reason: 'Goodwill', sourceType: SourceType.ACTOR, sourceId: 'test' };

    let letFirstCommit!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (letFirstCommit = resolve));
    let firstHoldsTheLock!: () => void;
    const firstLocked = new Promise<void>((resolve) => (firstHoldsTheLock = resolve));
    const first = db.transaction(async (tx: Queryable) => {
      const book = await AccountBook.open(tx, member, new Date(), defaultLedgerPolicy);
      await book.credit([{ ...credit, points: 100 }], { orderId: null, pendingUntil: null });
      firstHoldsTheLock();
      await firstMayCommit;
      await book.save(null);
    });
    await firstLocked;
    // Waits for the first one's lock, then spends everything: the purchase's 25 and the first's 100.
    const second = db.transaction(async (tx: Queryable) => {
      const book = await AccountBook.open(tx, member, new Date(), defaultLedgerPolicy);
      await book.debit([{ ...credit, points: -book.balance, reason: 'Everything' }]);
      await book.save(null);
      return book.balance;
    });
    await someoneWaitsForTheAccount(graph);
    letFirstCommit();
    await first;
    expect(await second).toBe(0);
    expect(await expectConsistentLedger(graph, member)).toMatchObject({ balance: 0 });
  });
});

describe('releasing a pending lot that another transaction released after it was read', () => {
  const policy = { ...defaultLedgerPolicy, pendingDays: 14, jobIntervalMs: 0 };
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ ledgerPolicy: policy });
    await setEarnRate(graph);
  });
  afterAll(() => graph?.stop());

  it('credits nothing for it: the release is conditional on the lot still pending', async () => {
    const member = (await enrollMember(graph)).id;
    await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(member) });
    const { db } = graph.database;
    const afterTheHold = new Date(Date.now() + 15 * 86_400_000);

    let letFirstCommit!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (letFirstCommit = resolve));
    let firstHoldsTheLock!: () => void;
    const firstLocked = new Promise<void>((resolve) => (firstHoldsTheLock = resolve));
    // Holds the account's lock without writing its row, and releases the lot meanwhile: the lots
    // change after the waiting statement's snapshot while the account's version stays the same,
    // so the second one's read of the lot is stale and it still finds the lot pending.
    const first = db.transaction(async (tx: Queryable) => {
      await tx.query('select customer_id from ledger.accounts where customer_id = $1 for update', [member]);
      firstHoldsTheLock();
      await firstMayCommit;
      await tx.query(`update ledger.lots set status = 'ACTIVE' where customer_id = $1 and status = 'PENDING'`, [
        member,
      ]);
    });
    await firstLocked;
    const second = db.transaction(async (tx: Queryable) => {
      const book = await AccountBook.open(tx, member, afterTheHold, policy);
      await book.save(null);
      return book.balance;
    });
    await someoneWaitsForTheAccount(graph);
    letFirstCommit();
    await first;
    expect(await second).toBe(0);
    const { rows } = await db.query<{ earned: number }>(
      `select count(*)::int as earned from ledger.entries where customer_id = $1 and kind = 'EARN'`,
      [member],
    );
    expect(rows).toEqual([{ earned: 0 }]);
  });
});
