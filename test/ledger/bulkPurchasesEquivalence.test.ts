import { RecordPurchaseDocument, type RecordPurchaseInput } from '../../examples/sdk/graphql';
import type { Queryable } from '../../runtime/database/database';
import { defaultLedgerPolicy } from '../../subgraphs/ledger/program/ledgerPolicy';
import { enrollMember, purchaseInput, setEarnRate } from '../support/fixtures';
import { setTierProgram, TestClock } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

const dayMs = 86_400_000;

/** What a purchase answers, the same selection for a single call and a batch. */
const purchaseFields = 'pointsEarned balanceAfter pendingUntil occurredAt earnings { kind points reason ruleId }';
const recordOne = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { ${purchaseFields} } }`;
const recordMany = `mutation($inputs: [RecordPurchaseInput!]!) {
  recordPurchases(inputs: $inputs) { index purchase { ${purchaseFields} } error { code message } }
}`;

/**
 * What each member of a group is before the orders compared: without an account yet (posted as a
 * single call, as the batch leaves such a member), with an account but no purchase (a first
 * purchase in the batch), a purchase still pending, one whose window closes before the order
 * (released when its book opens, 100 qualifying points: a tier change), one in another channel,
 * and an order with a time of its own (of a member with an account). Eight members: the batch posts four chunks of two.
 */
type Profile = 'noAccount' | 'first' | 'pending' | 'released' | 'otherChannel' | 'pastSale';
const profiles: Profile[] = [
  'noAccount',
  'first',
  'pending',
  'released',
  'otherChannel',
  'pastSale',
  'first',
  'released',
];

/** A member's rows in every ledger table a purchase writes, and its events, with ids made comparable. */
interface Footprint {
  account: unknown;
  orders: unknown[];
  earnings: unknown[];
  entries: unknown[];
  lots: unknown[];
  events: unknown[];
}

describe('recordPurchases leaves exactly what the same orders recorded one by one leave', () => {
  const clock = new TestClock(new Date('2026-05-04T09:00:00Z'));
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({
      clock: clock.now,
      ledgerPolicy: {
        ...defaultLedgerPolicy,
        pendingDays: 14,
        jobIntervalMs: 0,
        expiry: { kind: 'AFTER_EARNING', months: 12 },
      },
    });
    await setEarnRate(graph, 'EUR', 1, 100);
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 100, multiplierPercent: 150 },
    ]);
  });
  afterAll(() => graph?.stop());

  /** Enrolls a group of members, one per profile, and records what came before; returns the orders to compare. */
  const arrange = async (): Promise<{ ids: string[]; orders: RecordPurchaseInput[] }> => {
    const ids: string[] = [];
    for (const _ of profiles) ids.push((await enrollMember(graph)).id);
    for (const [k, profile] of profiles.entries()) {
      if (profile === 'first' || profile === 'pastSale') {
        await graph.admin.data(`mutation($input: AdjustPointsInput!) { adjustPoints(input: $input) { id } }`, {
          input: { customerId: ids[k]!, points: 5, reason: 'Welcome' },
        });
      }
      if (profile === 'released') {
        const input = purchaseInput(ids[k]!, { lines: [{ sku: 'COAT', quantity: 1, unitPrice: 10_000 }] });
        await graph.admin.data(RecordPurchaseDocument, { input });
      }
    }
    return {
      ids,
      orders: profiles.map((profile, k) =>
        purchaseInput(
          ids[k]!,
          profile === 'pastSale' ? { occurredAt: new Date(clock.now().getTime() - 2 * dayMs).toISOString() } : {},
        ),
      ),
    };
  };

  const arrangeLater = async (ids: string[]) => {
    for (const [k, profile] of profiles.entries()) {
      if (profile === 'pending') await graph.admin.data(RecordPurchaseDocument, { input: purchaseInput(ids[k]!) });
      if (profile === 'otherChannel') {
        await graph.admin.data(RecordPurchaseDocument, {
          input: purchaseInput(ids[k]!, { channel: 'ONLINE', storeId: null }),
        });
      }
    }
  };

  /** The member's footprint, every id of this group (members, orders, order keys) replaced by a name. */
  const footprint = async (ids: string[], k: number): Promise<Footprint> => {
    const db = graph.database.db;
    const id = ids[k]!;
    const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql, [id])).rows;
    const orders = await rows('select * from ledger.orders where customer_id = $1 order by occurred_at, recorded_at');
    const names = new Map<string, string>([[id, 'MEMBER']]);
    orders.forEach((order, n) => {
      names.set(order.id as string, `ORDER-${n}`);
      names.set(order.external_order_id as string, `KEY-${n}`);
    });
    const entries = await rows('select * from ledger.entries where customer_id = $1 order by id');
    entries
      .filter((entry) => entry.source_type === 'ACTOR')
      .forEach((entry, n) => names.set(entry.source_id as string, `ADJUSTMENT-${n}`));
    // Database clocks and a hash of the member's id and order key differ between the groups by construction.
    const dropped = ['id', 'recorded_at', 'created_at', 'updated_at', 'opened_at', 'fingerprint'];
    const anonymise = (value: unknown): unknown => {
      let text = JSON.stringify(value, (key, field: unknown) => (dropped.includes(key) ? undefined : field));
      for (const [name, placeholder] of names) text = text.split(name).join(placeholder);
      return JSON.parse(text);
    };
    return {
      account: anonymise((await rows('select * from ledger.accounts where customer_id = $1'))[0]),
      orders: orders.map(anonymise),
      earnings: (
        await rows(
          `select e.* from ledger.order_earnings e join ledger.orders o on o.id = e.order_id
            where o.customer_id = $1 order by o.occurred_at, o.recorded_at, e.position`,
        )
      ).map(anonymise),
      entries: entries.map(anonymise),
      lots: (await rows('select * from ledger.lots where customer_id = $1 order by id')).map(anonymise),
      events: (
        await rows(
          'select type, version, aggregate_id, payload, actor from ledger.events where aggregate_id = $1 order by id',
        )
      ).map(anonymise),
    };
  };

  /** Runs `work`, counting the statements the database runs meanwhile, in transactions too. */
  const counting = async <T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
    const db = graph.database.db;
    const statements: string[] = [];
    const count = (target: Queryable): Queryable['query'] => {
      const original = target.query.bind(target);
      return ((sql: string, params?: readonly unknown[]) => {
        statements.push(sql);
        return original(sql, params);
      }) as Queryable['query'];
    };
    const { query, transaction } = db;
    db.query = count(db);
    db.transaction = (<R>(run: (tx: Queryable) => Promise<R>) =>
      transaction.call(db, (tx) => run({ query: count(tx), exec: (sql) => tx.exec(sql) }))) as typeof db.transaction;
    try {
      return { result: await work(), statements };
    } finally {
      db.query = query;
      db.transaction = transaction;
    }
  };

  it('rows per table and events per member, for first purchases, pending, released and tier-changing ones', async () => {
    const single = await arrange();
    const batch = await arrange();
    clock.advanceDays(15);
    await arrangeLater(single.ids);
    await arrangeLater(batch.ids);

    const singles: unknown[] = [];
    for (const input of single.orders) {
      singles.push((await graph.admin.data<{ recordPurchase: unknown }, unknown>(recordOne, { input })).recordPurchase);
    }
    const { result, statements } = await counting(() =>
      graph.admin.data<{ recordPurchases: Array<{ purchase: unknown; error: unknown }> }, unknown>(recordMany, {
        inputs: batch.orders,
      }),
    );
    expect(result.recordPurchases.map((r) => r.error)).toEqual(profiles.map(() => null));
    // Posted set-based: one insert per table for each of the four chunks, and one for the member
    // without an account (a single call), not one per order.
    const inserts = (table: string) => statements.filter((sql) => sql.includes(`insert into ledger.${table} `)).length;
    expect({ orders: inserts('orders'), lots: inserts('lots'), events: inserts('events') }).toEqual({
      orders: 5,
      lots: 5,
      events: 5,
    });
    // The campaign service keeps its rules in memory (issue 27): nothing changed since the single
    // purchases, so no claim request reads them again.
    const ruleReads = statements.filter((sql) => sql.includes("from campaign.campaigns where status = 'SCHEDULED'"));
    expect(ruleReads).toEqual([]);
    expect(result.recordPurchases.map((r) => r.purchase)).toEqual(singles);
    for (const k of profiles.keys()) {
      const expected = await footprint(single.ids, k);
      expect({ profile: profiles[k], ...(await footprint(batch.ids, k)) }).toEqual({
        profile: profiles[k],
        ...expected,
      });
    }
    // The cases were what they claim to be: a release and a tier change happened in the batch too.
    const released = await footprint(batch.ids, profiles.indexOf('released'));
    expect(released.events.map((event) => (event as { type: string }).type)).toEqual(
      expect.arrayContaining(['TierChanged', 'PurchaseRecorded', 'BalanceUpdated']),
    );
  });
});
