import type { Database, Queryable } from '../../runtime/database/database';
import { openPostgres } from '../../runtime/database/postgres';
import { withReadReplica } from '../../runtime/database/readReplica';
import { createScratchDatabase } from '../../runtime/database/scratchDatabase';
import { enrollMember, purchaseInput, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';

type Vars = Record<string, unknown>;

/** `db` with every statement it runs (in or out of a transaction) kept in `statements`: the test's trace. */
function traced(db: Database, statements: string[]): Database {
  const trace = (on: Queryable): Queryable => ({
    query: (sql, params) => {
      statements.push(sql);
      return on.query(sql, params);
    },
    exec: (sql) => on.exec(sql),
  });
  return { ...db, ...trace(db), transaction: (work) => db.transaction((tx) => work(trace(tx))) };
}

// PostgreSQL server only: DATABASE_READ_URL names a streaming replica; here it is the same database
// under another application_name, so the data are the same and the connections tell themselves apart.
describe('a read replica (DATABASE_READ_URL)', () => {
  let graph: TestGraph;
  let drop: () => Promise<void>;
  let replicaUrl: string;
  const onReplica: string[] = [];
  const segmentKey = `replica-buyers-${unique('s').slice(2)}`;
  let buyers: string[];

  beforeAll(async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'loyalty_replica');
    drop = scratch.drop;
    const url = new URL(scratch.url);
    url.searchParams.set('application_name', 'replica');
    replicaUrl = url.toString();
    const primary = await openPostgres({ connectionString: scratch.url, poolSize: 10 });
    const replica = await openPostgres({ connectionString: replicaUrl, poolSize: 4 });
    const db = withReadReplica(primary, traced(replica, onReplica));
    graph = await startTestGraph({
      database: { db, reopen: () => Promise.reject(new Error('not reopened')), dispose: () => db.close() },
    });
    await setEarnRate(graph);
    buyers = [];
    for (const name of ['Ana', 'Bo']) {
      const member = await enrollMember(graph, name, 'Replica');
      buyers.push(member.id);
    }
    for (const customerId of [...buyers, buyers[0]!])
      await graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
        input: purchaseInput(customerId),
      });
    await graph.admin.data(`mutation($input: SegmentInput!) { defineSegment(input: $input) { key } }`, {
      input: {
        key: segmentKey,
        name: 'Repeat buyers',
        rule: { minPurchases: 2, channelsAny: [], channelsAll: [], tiers: [] },
      },
    });
    await graph.admin.data(`mutation { refreshPurchaseHistory { events } }`, {});
    await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
  });
  afterAll(async () => {
    await graph?.stop();
    await drop?.();
  });

  /** What the replica ran while `read` did. */
  const replicaStatementsOf = async (read: () => Promise<unknown>): Promise<string> => {
    onReplica.length = 0;
    await read();
    return onReplica.join('\n');
  };

  it('answers program metrics from the replica, with the figures of every purchase', async () => {
    let answer: { programMetrics: { purchases: number; activeMembers: number; netSpend: number } } | undefined;
    const ran = await replicaStatementsOf(async () => {
      answer = await graph.admin.data(
        `query($from: DateTimeISO!, $to: DateTimeISO!) { programMetrics(from: $from, to: $to, currency: "EUR") { purchases activeMembers netSpend } }`,
        { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() },
      );
    });
    expect(ran).toMatch(/metrics_member_days/);
    expect(answer!.programMetrics).toEqual({ purchases: 3, activeMembers: 2, netSpend: 7500 });
  });

  it("counts segments' members on the replica, the segment just defined included", async () => {
    let segments: Array<{ key: string; members: number }> = [];
    const ran = await replicaStatementsOf(async () => {
      segments = (await graph.admin.data<{ segments: typeof segments }, Vars>(`query { segments { key members } }`, {}))
        .segments;
    });
    expect(ran).toMatch(/customer_stats/);
    expect(segments.find((segment) => segment.key === segmentKey)?.members).toBe(1);
  });

  it('reads leaderboards and exports on the replica, and writes and a member’s own reads on the primary', async () => {
    const board = await replicaStatementsOf(() =>
      graph.admin.data(`query { leaderboard(storeId: "berlin-1", period: MONTH) { entries { points } } }`, {}),
    );
    expect(board).toMatch(/leaderboard_members/);

    let rows: string[] = [];
    const exported = await replicaStatementsOf(async () => {
      const response = await fetch(`${new URL(graph.url).origin}/export/orders?format=ndjson`, {
        headers: { authorization: graph.admin.authorization! },
      });
      expect(response.status).toBe(200);
      rows = (await response.text()).trim().split('\n');
    });
    expect(exported).toMatch(/repeatable read, read only/);
    expect(rows).toHaveLength(3);

    const writes = await replicaStatementsOf(async () => {
      await graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, {
        input: purchaseInput(buyers[1]!),
      });
      await graph.admin.data(`query($id: ID!) { customer(id: $id) { loyalty { balance } } }`, { id: buyers[1] });
    });
    expect(writes).toBe('');

    // The replica's pool connected under its own name: DATABASE_READ_URL's connections.
    const { rows: named } = await graph.database.db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'replica'`,
    );
    expect(named[0]!.n).toBeGreaterThan(0);
  });
});
