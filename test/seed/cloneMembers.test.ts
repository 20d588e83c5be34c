import { bulkLoadMembers, bulkMemberIds, cloneImportedMembers } from '../../bench/bulkLoad';
import { clonedTables } from '../../bench/cloneMembers.store';
import { checkLedgerInvariants } from '../../bench/ledgerInvariants';
import { eventually } from '../support/eventually';
import { setEarnRate } from '../support/fixtures';
import { expectConsistentLedger } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const customerQuery = `query($id: ID!) { customer(id: $id) { name email
  loyalty { balance lifetimePoints history(first: 5) { edges { node { kind points reason } } } } offers { title } } }`;

interface CustomerView {
  customer: {
    name: string;
    email: string;
    loyalty: { balance: number; lifetimePoints: number; history: { edges: { node: object }[] } };
    offers: { title: string }[];
  };
}

/** The per-member tables a copy fills, keyed by the column that names the member. */
const memberColumn = (table: string) => (table === 'profile.customers' ? 'id' : 'customer_id');

describe('bench members copied straight into the tables from imported ones (the 1,000,000-member level)', () => {
  let graph: TestGraph;
  let ids: string[] = [];
  beforeAll(async () => {
    graph = await startTestGraph();
    await setEarnRate(graph);
    const target = { gatewayUrl: graph.url, authorization: graph.admin.authorization!, db: graph.database.db };
    await bulkLoadMembers(target, { from: 0, to: 4, ordersPerMember: 3, now: new Date() });
    // The ledger's metrics fold the imported orders in the background: copy once they are in.
    await eventually(
      async () =>
        (
          await graph.database.db.query<{ members: number }>(
            'select count(distinct customer_id)::int as members from ledger.metrics_member_days',
          )
        ).rows[0]!.members,
      (members) => members === 4,
      "the metrics' member days",
    );
    const progress: number[] = [];
    await cloneImportedMembers(graph.database.db, {
      seedMembers: 4,
      from: 4,
      to: 14,
      onProgress: (done) => progress.push(done),
    });
    expect(progress.at(-1)).toBe(10);
    ids = await bulkMemberIds(graph.database.db, 0, 14);
  }, 120_000);
  afterAll(() => graph?.stop());

  it('gives every copy its own id and keys, found like an imported member', async () => {
    expect(new Set(ids).size).toBe(14);
    const { rows } = await graph.database.db.query<{ type: string; values: number }>(
      `select type, count(distinct value)::int as values from profile.identities group by type order by type`,
    );
    expect(rows).toEqual([
      { type: 'EMAIL', values: 14 },
      { type: 'LEGACY_MEMBER_ID', values: 14 },
      { type: 'MEMBER_CARD', values: 14 },
    ]);
  });

  it("copies every per-member row of its seed member, in every subgraph's tables", async () => {
    // The test graph runs no engagement subgraph, so nothing fills its consents here.
    const perMember = clonedTables.filter(
      (table) => !['ledger.metrics_points_days', 'engagement.member_consents'].includes(table),
    );
    for (const table of perMember) {
      const { rows } = await graph.database.db.query<{ seed: number; copy: number }>(
        `select (select count(*) from ${table} where ${memberColumn(table)} = $1)::int as seed,
                (select count(*) from ${table} where ${memberColumn(table)} = $2)::int as copy`,
        [ids[1], ids[9]],
      );
      expect({ table, ...rows[0] }).toEqual({ table, seed: rows[0]!.seed, copy: rows[0]!.seed });
      expect({ table, seed: rows[0]!.seed > 0 }).toEqual({ table, seed: true });
    }
    // A copy's timeline and campaign purchases name its own orders, not its seed's.
    const { rows } = await graph.database.db.query<{ foreign: number }>(
      `select (select count(*) from profile.timeline_entries t
                where not exists (select 1 from ledger.orders o
                                   where o.id::text = t.summary->>'orderId' and o.customer_id = t.customer_id))
            + (select count(*) from campaign.purchases p
                where not exists (select 1 from ledger.orders o where o.id = p.purchase_id and o.customer_id = p.customer_id))
              as foreign`,
    );
    expect(rows[0]!.foreign).toBe(0);
  });

  it('keeps the ledger invariants and the program metrics over the copies', async () => {
    expect(await checkLedgerInvariants(graph.database.db)).toEqual({ accounts: 14 });
    for (const id of ids) await expectConsistentLedger(graph, id);
    const { rows } = await graph.database.db.query<{ metrics: number; lots: number }>(
      `select (select sum(points) from ledger.metrics_points_days where kind = 'EARN')::int as metrics,
              (select sum(points) from ledger.lots where status = 'ACTIVE')::int as lots`,
    );
    expect(rows[0]!.metrics).toBe(rows[0]!.lots);
  });

  it('reads through the gateway like the imported member it copies, under its own name', async () => {
    const query = (id: string) => graph.admin.data<CustomerView, { id: string }>(customerQuery, { id });
    const [seed, copy] = [await query(ids[1]!), await query(ids[9]!)];
    expect(copy.customer.name).toBe('Bench Member 9');
    expect(copy.customer.email).toBe('bench-9@example.com');
    expect(copy.customer.loyalty).toEqual(seed.customer.loyalty);
    expect(copy.customer.offers).toEqual(seed.customer.offers);
  });
});
