import { createHash } from 'node:crypto';
import type { Database } from '../runtime/database/database';
import { historyStore } from '../subgraphs/campaign/segments/segment.store';

export interface BulkLoadOptions {
  /** Members `from` .. `to - 1` are loaded; loading continues where a previous load stopped. */
  from: number;
  to: number;
  ordersPerMember: number;
  /** Orders are spread over the `days` before `now`. */
  now: Date;
  days?: number;
  /** The earn rate the orders were credited at: `points` per `perAmount` minor units, in EUR. */
  points?: number;
  perAmount?: number;
  /** Months after earning that a lot expires (the ledger's `POINTS_EXPIRY`, after-earning). */
  expiryMonths?: number;
  /** Called as chunks of members commit. */
  onProgress?: (loaded: number, total: number) => void;
}

/** The deterministic id of bulk member `index`, as the loader writes it. */
export const bulkMemberId = (index: number): string => uuidFromText(`bench-member-${index}`);

/** md5(text)::uuid, as the SQL below names rows. */
function uuidFromText(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Writes members and their purchase history straight into the subgraphs' tables, for benchmarks
 * that need data at a scale the graph would take hours to record (200,000 orders at ~100/s).
 *
 * It writes what recording the purchases through the graph with the base rate only would leave:
 * a profile with an email; an account whose balance and lifetime points equal its journal; per
 * order an EARN entry with its running balance, an order earning and an ACTIVE lot expiring by the
 * policy; the campaign subgraph's copy of the purchases and its per-customer figures. Fingerprints
 * are the ledger's, so a retry of a loaded order replays it and a return reverses it. No outbox
 * events are written: the history is in the past, nothing should react to it.
 */
export async function bulkLoadMembers(db: Database, options: BulkLoadOptions): Promise<void> {
  const chunks: [number, number][] = [];
  for (let start = options.from; start < options.to; start += chunkMembers) {
    chunks.push([start, Math.min(options.to, start + chunkMembers)]);
  }
  let next = 0;
  let loaded = 0;
  // The database does the work: two transactions at once keep two cores busy.
  await Promise.all(
    Array.from({ length: Math.min(parallelChunks, chunks.length) }, async () => {
      while (next < chunks.length) {
        const [from, to] = chunks[next++]!;
        await loadChunk(db, from, to, options);
        loaded += to - from;
        options.onProgress?.(loaded, options.to - options.from);
      }
    }),
  );
  if (chunks.length === 0) return;
  await db.transaction((tx) => historyStore.rescoreRfm(tx));
  // Fresh statistics, so the planner sees the tables as they are now rather than as they were.
  for (const table of loadedTables) await db.query(`analyze ${table}`);
}

const chunkMembers = 5_000;
const parallelChunks = 2;
const loadedTables = [
  'profile.customers',
  'profile.identities',
  'ledger.accounts',
  'ledger.orders',
  'ledger.order_earnings',
  'ledger.entries',
  'ledger.lots',
  'campaign.purchases',
  'campaign.customer_stats',
];

async function loadChunk(db: Database, from: number, to: number, options: BulkLoadOptions): Promise<void> {
  const { ordersPerMember, now } = options;
  const params = [
    from,
    to - 1,
    ordersPerMember,
    now.toISOString(),
    options.days ?? 365,
    options.points ?? 1,
    options.perAmount ?? 100,
  ];
  const expiryMonths = options.expiryMonths ?? 24;
  await db.transaction(async (tx) => {
    // Every row is written with its referents in this transaction, so foreign keys are not checked
    // row by row (as pg_restore --disable-triggers does); the rows would pass, at twice the time.
    await tx.query('set local session_replication_role = replica');
    // Amounts are €5.00 to €404.99 and pseudo-random but fixed by (member, order); one member in
    // three shops in stores, one in three in the app, the rest online.
    await tx.query(
      `create temp table bulk_orders on commit drop as
       select priced.*, sum(priced.points) over (partition by priced.customer_id order by priced.n) as balance_after
         from (
           select generated.*, ((generated.total_amount / $7::int) * $6::int)::bigint as points
             from (
               select md5('bench-member-' || i)::uuid as customer_id, i, n,
                      md5('bench-order-' || i || '-' || n)::uuid as id,
                      (array['IN_STORE', 'MOBILE_APP', 'ONLINE'])[i % 3 + 1] as channel,
                      case when i % 3 = 0 then 'store-' || (i % 25) end as store_id,
                      'bulk-' || i || '-' || n as external_order_id,
                      500 + abs(hashtext(i || ':' || n)) % 40000 as total_amount,
                      $4::timestamptz - ($5::int * (($3::int - n)::float / $3::int)) * interval '1 day'
                        + (abs(hashtext('t' || i || ':' || n)) % 36000) * interval '1 second' as occurred_at
                 from generate_series($1::int, $2::int) i, generate_series(0, $3::int - 1) n
             ) generated
         ) priced`,
      params,
    );
    await tx.query(
      `insert into profile.customers (id, given_name, family_name, enrollment_channel, enrollment_store_id, enrolled_at)
       select customer_id, 'Bench', 'Member ' || i, min(channel), min(store_id), min(occurred_at) - interval '1 day'
         from bulk_orders group by customer_id, i`,
    );
    await tx.query(
      `insert into profile.identities (type, value, customer_id, created_at)
       select 'EMAIL', 'bench-' || i || '@example.com', customer_id, min(occurred_at) - interval '1 day'
         from bulk_orders group by customer_id, i`,
    );
    await tx.query(
      `insert into ledger.accounts (customer_id, balance, lifetime_points, opened_at, updated_at, last_activity_at)
       select customer_id, sum(points), sum(points), min(occurred_at) - interval '1 day', max(occurred_at), max(occurred_at)
         from bulk_orders group by customer_id`,
    );
    await tx.query(
      `insert into ledger.orders (id, customer_id, channel, external_order_id, store_id, currency, total_amount, lines,
                                  fingerprint, points_earned, balance_after, occurred_at, recorded_at)
       select id, customer_id, channel, external_order_id, store_id, 'EUR', total_amount,
              jsonb_build_array(jsonb_build_object('sku', 'SKU-' || (n % 50), 'category', null, 'quantity', 1,
                                                   'unitPrice', total_amount)),
              -- orderFingerprint's canonical JSON, which has no spaces (json_build_array's text has).
              encode(sha256(convert_to('["' || customer_id || '",' || coalesce(to_json(store_id)::text, 'null')
                || ',"EUR",[["SKU-' || (n % 50) || '",null,1,' || total_amount || ']]]', 'UTF8')), 'hex'),
              points, balance_after, occurred_at, occurred_at
         from bulk_orders`,
    );
    const reason = `'Base rate: ' || $1::int || case when $1::int = 1 then ' point' else ' points' end
                    || ' per €' || to_char($2::int / 100.0, 'FM999990.00') || ' on €' || to_char(total_amount / 100.0, 'FM999990.00')`;
    await tx.query(
      `insert into ledger.order_earnings (order_id, position, kind, points, reason, rule_id, line_points)
       select id, 0, 'EARN', points, ${reason}, 'base:EUR', jsonb_build_array(points)
         from bulk_orders where points > 0`,
      [params[5], params[6]],
    );
    await tx.query(
      `insert into ledger.entries (customer_id, created_at, kind, points, balance_after, reason, source_type, source_id, rule_id)
       select customer_id, occurred_at, 'EARN', points, balance_after, ${reason}, 'ORDER', id::text, 'base:EUR'
         from bulk_orders where points > 0 order by occurred_at`,
      [params[5], params[6]],
    );
    await tx.query(
      `insert into ledger.lots (customer_id, order_id, status, points, remaining, earned_at, available_at, expires_at)
       select customer_id, id, 'ACTIVE', points, points, occurred_at, occurred_at, occurred_at + $1::int * interval '1 month'
         from bulk_orders where points > 0 order by occurred_at`,
      [expiryMonths],
    );
    await tx.query(
      `insert into campaign.purchases (purchase_id, customer_id, channel, store_id, currency, total_amount, lines, occurred_at)
       select o.id, o.customer_id, o.channel, o.store_id, o.currency, o.total_amount, o.lines, o.occurred_at
         from ledger.orders o join bulk_orders b on b.id = o.id`,
    );
    await tx.query(
      `insert into campaign.customer_stats
         (customer_id, purchase_count, first_purchase_at, last_purchase_at, spend, channels, enrolled_at, updated_at)
       select customer_id, count(*), min(occurred_at), max(occurred_at), sum(total_amount), array[min(channel)],
              min(occurred_at) - interval '1 day', now()
         from bulk_orders group by customer_id`,
    );
  });
}
