/** A member count as written in a setting: `1000000`, `1_000_000`, `1e6`, `100k` or `1M`. */
export function memberCount(text: string): number {
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([kKmM]?)$/.exec(text.trim().replaceAll('_', ''));
  const count = match ? Number(match[1]) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(count) || count <= 0) throw new Error(`Not a member count: ${JSON.stringify(text)}`);
  return count;
}

/** What `npm run bench` measures and how long, from the environment (see bench/README.md). */
export const benchSettings = {
  members: Number(process.env.BENCH_MEMBERS ?? 10_000),
  ordersPerMember: Number(process.env.BENCH_ORDERS_PER_MEMBER ?? 20),
  /** Member counts the customer query is measured at, loading more members between them (flat is the goal). */
  scaleLevels: (process.env.BENCH_SCALE_MEMBERS ?? '1000,10000,100000')
    .split(',')
    .filter((level) => level.trim() !== '')
    .map(memberCount),
  /** Live-update subscribers watch this many members (several subscribers per member). */
  liveMembers: Number(process.env.BENCH_LIVE_MEMBERS ?? 200),
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 10_000),
  warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 2_000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
  liveSubscribers: Number(process.env.BENCH_SUBSCRIBERS ?? 1000),
  liveEvents: Number(process.env.BENCH_LIVE_EVENTS ?? 600),
  livePacedRate: Number(process.env.BENCH_LIVE_RATE ?? 20),
  /** A larger paced run on shared streams (0: skip). */
  liveSubscribersLarge: Number(process.env.BENCH_SUBSCRIBERS_LARGE ?? 10_000),
  /** Which scenarios run: `query`, `purchases`, `bulk`, `events`, `live`, `optimisations`, `scale`, `import` (comma-separated; all by default). */
  scenarios: new Set(
    (process.env.BENCH_SCENARIOS ?? 'query,purchases,bulk,events,live,optimisations,scale')
      .split(',')
      .map((s) => s.trim()),
  ),
  /** The import scenario: members imported from files, and orders per member (BENCH_IMPORT_*). */
  importMembers: Number(process.env.BENCH_IMPORT_MEMBERS ?? 100_000),
  importOrdersPerMember: Number(process.env.BENCH_IMPORT_ORDERS_PER_MEMBER ?? 20),
  /** `0` leaves the peer gateway (Hive Gateway) out. */
  peers: process.env.BENCH_PEERS !== '0',
};

export type BenchSettings = typeof benchSettings;

/** Throughput is what is measured here, so the gateway's mutation rate limits are set out of the way. */
export const benchRateLimits = { mutationsPerToken: 1e9, mutationsPerIp: 1e9, windowMs: 60_000 };
