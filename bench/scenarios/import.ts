import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Queryable } from '../../runtime/database/database';
import { graphqlRequest } from '../../runtime/http/graphqlRequest';
import { orderImportStore } from '../../subgraphs/ledger/imports/orderImport.store';
import type { ImportKind } from '../../runtime/imports/importBatch';
import { bulkMemberIds, campaignCaughtUp, importGenerated } from '../bulkLoad';
import { benchOrder, writeImportFiles, type ImportFiles } from '../importFiles';
import type { Bench, BenchScenario } from './scenario';
import { postgresCpuMeter } from '../processCpu';

/** One kind's import: records, seconds, records/s, the process's peak RSS when it ended. */
export interface ImportKindResult {
  kind: ImportKind;
  records: number;
  seconds: number;
  perSecond: number;
  peakRssMiB: number;
  /** CPU seconds while it ran: this process (graph, gateway, client) and this database's PostgreSQL backends. */
  nodeCpuSeconds: number;
  postgresCpuSeconds: number;
}

/** A server-side `COPY ... FROM` of the same rows into empty copies of the tables: the floor. */
export interface CopyFloorResult {
  kind: ImportKind;
  tables: string[];
  rows: number;
  seconds: number;
  /** Records of the kind (members, orders) per second of the COPY. */
  perSecond: number;
  /** The import's records/s as a share of the COPY's. */
  importShare: number;
}

export interface ImportScenarioResult {
  members: number;
  orders: number;
  /** Writing the files (not part of the import). */
  fileSeconds: number;
  fileMiB: number;
  kinds: ImportKindResult[];
  /** Peak RSS of the bench process (graph, gateway and client in one) after the first 100,000 orders and after all. */
  peakRssMiBAfterFirstOrders: { orders: number; peakRssMiB: number; rssMiB: number } | null;
  peakRssMiBAfterAll: number;
  /** The resident set at the end of the orders (the peak above is a high-water mark since the start). */
  rssMiBAfterAll: number;
  copy: CopyFloorResult[];
  /** Seconds after the orders import ended until campaign.purchases held every order. */
  campaignLagSeconds: number;
  invariants: {
    /** Accounts whose balance differs from Σ entries or Σ remaining of ACTIVE lots (0 expected). */
    accountsOutOfBalance: number;
    importedOrders: number;
    expectedOrders: number;
    campaignPurchases: number;
    /** The customer query for one imported member through the gateway: what it read and expected. */
    gatewayRead: { name: string; balance: number; expectedBalance: number };
  };
}

const keyPrefix = 'import-member-';
const orderKeyPrefix = 'import-';
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMiB = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
const seconds = (since: number) => (performance.now() - since) / 1000;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const nodeCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Times a server-side COPY of `select` out to a file and back into an empty `(like table including all)`. */
async function copyFloor(bench: Bench, table: string, select: string): Promise<{ rows: number; seconds: number }> {
  const db = bench.database.db;
  const name = table.replace('.', '_');
  // The server writes and reads the file: it runs on this machine, as PostgreSQL's user.
  const file = path.join(os.tmpdir(), `loyalty-bench-copy-${process.pid}-${name}.copy`);
  await db.query(`copy (${select}) to '${file}'`);
  await db.query(`create table bench_copy.${name} (like ${table} including all)`);
  const began = performance.now();
  const result = await db.query(`copy bench_copy.${name} from '${file}'`);
  const took = seconds(began);
  await rm(file, { force: true });
  return { rows: result.rowCount ?? 0, seconds: took };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every insert the ORDERS applier makes for one batch (2,000 new
 * orders of 100 imported members, as the store writes them), in a transaction rolled back.
 */
async function explainOrderBatch(bench: Bench): Promise<string[]> {
  const db = bench.database.db;
  const customers = await bulkMemberIds(db, 0, 100, keyPrefix);
  const now = new Date();
  const purchases = Array.from({ length: 2000 }, (_, i) => ({
    id: randomUUID(),
    customer_id: customers[i % 100],
    channel: 'ONLINE',
    external_order_id: `explain-${i}`,
    store_id: null,
    currency: 'EUR',
    total_amount: 1000 + i,
    lines: [{ sku: 'SKU-1', category: null, quantity: 1, unitPrice: 1000 + i }],
    fingerprint: randomUUID(),
    occurred_at: new Date(now.getTime() - 86_400_000).toISOString(),
  }));
  const plans: string[] = [];
  const rollback = new Error('rollback');
  await db
    .transaction(async (tx) => {
      const explaining: Queryable = {
        query: async (sql, params) => {
          if (!/^\s*insert/i.test(sql)) return tx.query(sql, params);
          const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
          plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
          return { rows: [], rowCount: 0 } as never;
        },
        exec: (sql) => tx.exec(sql),
      };
      await orderImportStore.write(explaining, purchases, [], now);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return plans;
}

/**
 * Imports members, their balances and their order history from generated files through
 * `importFile` (startImport, then the file in parts to the gateway), as an operator would, and
 * compares each kind's rate with a plain server-side COPY of the same rows in the same run.
 * PostgreSQL only (COPY to and from server files); the graph runs in this process.
 */
async function runImport(bench: Bench): Promise<void> {
  if (bench.database.db.kind !== 'postgres') {
    console.log('import: skipped (it needs the PostgreSQL server for the COPY floor)');
    return;
  }
  const { importMembers: members, importOrdersPerMember: ordersPerMember } = bench.settings;
  const db = bench.database.db;
  const target = { gatewayUrl: bench.stack.gateway.url, authorization: bench.authorization, db };
  const now = new Date();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'loyalty-bench-import-'));
  try {
    let began = performance.now();
    const generate = { dir, from: 0, to: members, ordersPerMember, now, keyPrefix, orderKeyPrefix };
    const files = await writeImportFiles(generate);
    const fileSeconds = seconds(began);
    let size = 0;
    for (const { file } of Object.values(files) as Array<{ file: string }>) size += (await stat(file)).size;
    console.log(
      `import: ${members.toLocaleString('en')} members, ${files.orders.records.toLocaleString('en')} orders written in ${fileSeconds.toFixed(1)} s (${Math.round(size / 2 ** 20)} MiB)`,
    );

    const kinds: ImportKindResult[] = [];
    let afterFirstOrders: ImportScenarioResult['peakRssMiBAfterFirstOrders'] = null;
    const firstOrders = 100_000;
    for (const [kind, name] of [
      ['MEMBERS', 'members'],
      ['BALANCES', 'balances'],
      ['ORDERS', 'orders'],
    ] as Array<[ImportKind, keyof ImportFiles]>) {
      began = performance.now();
      const nodeBefore = nodeCpuSeconds();
      const postgresCpu = await postgresCpuMeter(bench.database.db);
      await importGenerated(target, kind, files[name], (job) => {
        process.stdout.write(
          `\rimport: ${kind} ${job.processed.toLocaleString('en')} of ${job.total?.toLocaleString('en')}`,
        );
        if (kind === 'ORDERS' && afterFirstOrders === null && job.processed >= firstOrders) {
          afterFirstOrders = { orders: job.processed, peakRssMiB: peakRssMiB(), rssMiB: rssMiB() };
        }
      });
      const took = seconds(began);
      const records = files[name].records;
      kinds.push({
        kind,
        records,
        seconds: round(took),
        perSecond: Math.round(records / took),
        peakRssMiB: peakRssMiB(),
        nodeCpuSeconds: round(nodeCpuSeconds() - nodeBefore),
        postgresCpuSeconds: round(await postgresCpu()),
      });
      process.stdout.write(` in ${took.toFixed(1)} s\n`);
    }
    const ordersEnded = performance.now();
    const rssAfterAll = rssMiB();
    await campaignCaughtUp(db);
    const campaignLagSeconds = round(seconds(ordersEnded));

    // The floor: the same rows, COPY'd server-side into empty tables like the imported ones.
    const imported = `select customer_id from profile.identities where type = 'LEGACY_MEMBER_ID' and value like '${keyPrefix}%'`;
    await db.query('drop schema if exists bench_copy cascade');
    await db.query('create schema bench_copy');
    const copy: CopyFloorResult[] = [];
    try {
      const customers = await copyFloor(
        bench,
        'profile.customers',
        `select * from profile.customers where id in (${imported})`,
      );
      const identities = await copyFloor(
        bench,
        'profile.identities',
        `select * from profile.identities where customer_id in (${imported})`,
      );
      const orders = await copyFloor(
        bench,
        'ledger.orders',
        `select * from ledger.orders where customer_id in (${imported})`,
      );
      const rate = (kind: ImportKind) => kinds.find((k) => k.kind === kind)!.perSecond;
      const memberSeconds = customers.seconds + identities.seconds;
      copy.push(
        {
          kind: 'MEMBERS',
          tables: [`profile.customers (${customers.rows})`, `profile.identities (${identities.rows})`],
          rows: customers.rows + identities.rows,
          seconds: round(memberSeconds, 2),
          perSecond: Math.round(customers.rows / memberSeconds),
          importShare: round(rate('MEMBERS') / (customers.rows / memberSeconds), 3),
        },
        {
          kind: 'ORDERS',
          tables: [`ledger.orders (${orders.rows})`],
          rows: orders.rows,
          seconds: round(orders.seconds, 2),
          perSecond: Math.round(orders.rows / orders.seconds),
          importShare: round(rate('ORDERS') / (orders.rows / orders.seconds), 3),
        },
      );
    } finally {
      await db.query('drop schema if exists bench_copy cascade');
    }

    const { rows: balance } = await db.query<{ accounts: number }>(
      `select count(*)::int as accounts
         from ledger.accounts a
         left join (select customer_id, sum(points) as points from ledger.entries group by 1) e using (customer_id)
         left join (select customer_id, sum(remaining) as points from ledger.lots where status = 'ACTIVE' group by 1) l
           using (customer_id)
        where a.balance <> coalesce(e.points, 0) or a.balance <> coalesce(l.points, 0)`,
    );
    const { rows: counts } = await db.query<{ orders: number; purchases: number }>(
      `select (select count(*)::int from ledger.orders where customer_id in (${imported})) as orders,
              (select count(*)::int from campaign.purchases where customer_id in (${imported})) as purchases`,
    );
    const index = Math.floor(members / 2);
    const [id] = await bulkMemberIds(db, index, index + 1, keyPrefix);
    const { customer } = await graphqlRequest<{ customer: { name: string; loyalty: { balance: number } } }>(
      bench.stack.gateway.url,
      'query($id: ID!) { customer(id: $id) { name loyalty { balance } } }',
      { id },
      { headers: { authorization: bench.authorization } },
    );
    const expectedBalance = Array.from({ length: ordersPerMember }, (_, n) => benchOrder(index, n, generate)).reduce(
      (sum, order) => sum + Math.floor(order.totalAmount / 100),
      0,
    );
    const result: ImportScenarioResult = {
      members,
      orders: files.orders.records,
      fileSeconds: round(fileSeconds),
      fileMiB: Math.round(size / 2 ** 20),
      kinds,
      peakRssMiBAfterFirstOrders: afterFirstOrders,
      peakRssMiBAfterAll: peakRssMiB(),
      rssMiBAfterAll: rssAfterAll,
      copy,
      campaignLagSeconds,
      invariants: {
        accountsOutOfBalance: balance[0]!.accounts,
        importedOrders: counts[0]!.orders,
        expectedOrders: files.orders.records,
        campaignPurchases: counts[0]!.purchases,
        gatewayRead: { name: customer.name, balance: customer.loyalty.balance, expectedBalance },
      },
    };
    bench.results.import = result;
    if (process.env.BENCH_IMPORT_EXPLAIN === '1') {
      for (const plan of await explainOrderBatch(bench)) console.log(`import: one ORDERS batch's insert\n${plan}`);
    }
    console.table(kinds);
    console.table(copy);
    console.log(
      `import: peak RSS ${JSON.stringify(result.peakRssMiBAfterFirstOrders)} → ${result.peakRssMiBAfterAll} MiB (graph in-process); ` +
        `campaign lag ${campaignLagSeconds} s; invariants ${JSON.stringify(result.invariants)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `import`: after every other scenario (it adds its members and orders to the data they measure). */
export const importScenario: BenchScenario = {
  name: 'import',
  afterOthers: runImport,
};
