import { BalanceUpdatedDocument, RecordPurchaseDocument, type RecordPurchaseInput } from '../../examples/sdk/graphql';
import { eventually } from '../support/eventually';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres';
import { testDatabaseAt } from '../support/testDatabase';
import { startTestGraph, type GraphQLResult, type TestGraph } from '../support/testGraph';

interface Attempt {
  input: RecordPurchaseInput;
  result: GraphQLResult<unknown> | undefined;
}

// Runs in the postgres project only: it restarts a PostgreSQL server of its own (the machine's
// binaries, a temporary cluster), which the shared server the other tests use must not suffer.
describe('PostgreSQL restarting under load', () => {
  let server: PrivatePostgres;
  let graph: TestGraph;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    graph = await startTestGraph({
      database: await testDatabaseAt(server.url),
      gateway: { rateLimits: { mutationsPerToken: 1_000_000, mutationsPerIp: 1_000_000, windowMs: 60_000 } },
    });
    await setEarnRate(graph);
  }, 120_000);
  afterAll(async () => {
    await graph?.stop();
    await server?.destroy();
  });

  it('fails requests clearly while it is down, loses nothing committed, and recovers without a restart', async () => {
    const members = await Promise.all(Array.from({ length: 4 }, (_, n) => enrollMember(graph, `Pat${n}`, 'Restart')));
    const live = await graph.admin.subscribe(BalanceUpdatedDocument, { customerId: members[0]!.id, after: '0' });
    const attempts: Attempt[] = [];
    let running = true;
    const worker = async (customerId: string) => {
      while (running) {
        const attempt: Attempt = { input: purchaseInput(customerId), result: undefined };
        attempts.push(attempt);
        attempt.result = await graph.admin
          .request(RecordPurchaseDocument, { input: attempt.input })
          .catch((error: Error) => ({
            errors: [{ message: `no answer: ${error.message}`, extensions: { code: 'NO_ANSWER' } }],
          }));
      }
    };
    const workers = members.map((member) => worker(member.id));
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await pause(1000);

    await server.stop();
    await pause(1500);
    await server.start();
    // Recovered without restarting any service: purchases succeed again.
    await eventually(
      () => graph.admin.request(RecordPurchaseDocument, { input: purchaseInput(members[0]!.id) }),
      (result) => result.errors === undefined,
      'purchases to succeed again',
    );
    await pause(500);
    running = false;
    await Promise.all(workers);

    const failed = attempts.filter((attempt) => attempt.result?.errors);
    const succeeded = attempts.filter((attempt) => attempt.result && !attempt.result.errors);
    expect(failed.length).toBeGreaterThan(0);
    expect(succeeded.length).toBeGreaterThan(0);
    // Failures say the service is unavailable, and nothing of SQL, hosts or ports.
    for (const { result } of failed) {
      for (const error of result!.errors!) {
        expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(error.message).not.toMatch(/127\.0\.0\.1|:\d{4,5}|ECONN|terminat|select|insert/i);
      }
    }
    // Every purchase answered as recorded is there.
    const recorded = await graph.database.db.query<{ external_order_id: string }>(
      'select external_order_id from ledger.orders',
    );
    const stored = new Set(recorded.rows.map((row) => row.external_order_id));
    for (const { input } of succeeded) expect(stored.has(input.externalOrderId)).toBe(true);
    // A failed purchase may or may not have committed before the connection dropped; retried with
    // its idempotency key, each ends up recorded exactly once.
    for (const { input } of failed) {
      const retry = await graph.admin.request(RecordPurchaseDocument, { input });
      expect(retry.errors).toBeUndefined();
    }
    const { rows } = await graph.database.db.query<{ orders: number; distinct_orders: number }>(
      'select count(*)::int as orders, count(distinct external_order_id)::int as distinct_orders from ledger.orders',
    );
    expect(rows[0]!.orders).toBe(rows[0]!.distinct_orders);
    expect(rows[0]!.orders).toBe(attempts.length + 1);
    for (const member of members) await expectConsistentLedger(graph, member.id);

    // The live feed reconnected too: the subscriber sees every purchase of the member, 25 points
    // each, once and in order, up to the final balance.
    const final = await graph.admin.data<{ customer: { loyalty: { balance: number } } }, { id: string }>(
      `query($id: ID!) { customer(id: $id) { loyalty { balance } } }`,
      { id: members[0]!.id },
    );
    const seen: number[] = [];
    while ((seen.at(-1) ?? 0) < final.customer.loyalty.balance) {
      const message = await live.next(15_000);
      // An event committed just before the crash keeps its balance: the gateway resolves it again
      // while the services are away, and at worst a part other services add (name, rewards) is
      // missing, as unavailable.
      for (const error of message.errors ?? []) expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      seen.push(message.data!.balanceUpdated.balance);
    }
    expect(seen).toEqual(Array.from({ length: final.customer.loyalty.balance / 25 }, (_, n) => 25 * (n + 1)));
  }, 120_000);
});
