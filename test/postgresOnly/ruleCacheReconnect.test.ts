import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres';
import { testDatabaseAt } from '../support/testDatabase';
import { startTestGraph, type TestGraph } from '../support/testGraph';
import { record } from '../campaigns/support';

// Runs in the postgres project only: it ends the listening connection of a server of its own (the
// shared server's other listeners must not suffer).
describe("the campaign's rules in memory when its listening connection drops", () => {
  let server: PrivatePostgres;
  let graph: TestGraph;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    graph = await startTestGraph({ database: await testDatabaseAt(server.url) });
    await setEarnRate(graph);
  }, 120_000);
  afterAll(async () => {
    await graph?.stop();
    await server?.destroy();
  });

  it('drops them when the connection is lost, uses changes made meanwhile, and keeps them again once it is back', async () => {
    const rules = graph.stack.subgraphs.campaign.rules;
    const member = (await enrollMember(graph)).id;
    expect((await record(graph, purchaseInput(member))).pointsEarned).toBe(25);

    const lost = rules.nextChange();
    const { rows } = await graph.database.db.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()`,
    );
    expect(rows.map((row) => row.ended)).toEqual([true]);
    await lost;
    const back = rules.nextChange();

    // A change whose notice nobody hears (committed with its event, no NOTIFY) is used all the same.
    await graph.database.db.transaction(async (tx) => {
      await tx.query(`update campaign.earn_rates set points = 4 where currency = 'EUR'`);
      await tx.query(
        `insert into campaign.events (type, aggregate_id, payload) values ('EarnRateChanged', 'EUR', '{}'::jsonb)`,
      );
    });
    expect((await record(graph, purchaseInput(member))).pointsEarned).toBe(100);

    // Reconnected (its empty notice drops everything once more), it follows changes again.
    await back;
    await setEarnRate(graph, 'EUR', 2, 100);
    expect((await record(graph, purchaseInput(member))).pointsEarned).toBe(50);
    expect((await record(graph, purchaseInput(member))).pointsEarned).toBe(50);
  });
});
