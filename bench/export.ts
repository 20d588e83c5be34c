import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { projectRoot } from '../runtime/config/projectRoot';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';
import { bulkLoadMembers } from './bulkLoad';

/**
 * Bulk export through the gateway: rows/s and the process's peak RSS while the journal and the
 * orders stream out as NDJSON and CSV, at 50,000 and at 200,000 orders (20 per member, loaded by
 * bulkLoad.ts). The graph and the reading client share this one process, so the RSS is the whole
 * graph's; flat from one size to the next is what streaming promises.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run -s bench:export
 *
 * (`node --expose-gc dist/bench/export.js` collects garbage before each export, for steadier figures.)
 *
 * `BENCH_EXPORT_ORDERS` (`50000,200000`) sets the sizes.
 */

const sizes = (process.env.BENCH_EXPORT_ORDERS ?? '50000,200000').split(',').map(Number);
const ordersPerMember = 20;

interface Measure {
  orders: number;
  dataset: string;
  format: string;
  rows: number;
  megabytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** The JavaScript heap's peak while streaming, above what it held before. */
  peakHeapGrowthMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function measure(url: string, authorization: string): Promise<Omit<Measure, 'orders' | 'dataset' | 'format'>> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization } });
  if (response.status !== 200 || !response.body)
    throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 0x0a) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rows = url.includes('format=csv') ? newlines - 1 : newlines;
  return {
    rows,
    megabytes: mb(bytes),
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: mb(peak),
    rssBeforeMb: mb(rssBefore),
    peakHeapGrowthMb: mb(peakHeap - heapBefore),
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('loyalty_bench_export');
  const stack = await startStack({ db: database.db, logger: createLogger('error') });
  const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
  const origin = new URL(stack.gateway.url).origin;
  const results: Measure[] = [];
  try {
    let loadedMembers = 0;
    const now = new Date();
    for (const orders of sizes) {
      const members = Math.ceil(orders / ordersPerMember);
      const began = performance.now();
      await bulkLoadMembers(
        { gatewayUrl: stack.gateway.url, authorization, db: database.db },
        { from: loadedMembers, to: members, ordersPerMember, now },
      );
      loadedMembers = members;
      console.log(
        `Loaded ${members.toLocaleString('en')} members, ${orders.toLocaleString('en')} orders on ${database.label} in ${((performance.now() - began) / 1000).toFixed(1)} s`,
      );
      for (const dataset of ['journal', 'orders']) {
        for (const format of ['ndjson', 'csv']) {
          const figures = await measure(`${origin}/export/${dataset}?format=${format}`, authorization);
          if (figures.rows !== orders)
            throw new Error(`${dataset} ${format}: ${figures.rows} rows, expected ${orders}`);
          results.push({ orders, dataset, format, ...figures });
          console.log(JSON.stringify(results.at(-1)));
        }
      }
    }
  } finally {
    await stack.stop();
    await database.dispose();
  }
  console.table(results);
  const directory = path.join(projectRoot(), 'bench/results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    path.join(directory, 'export.json'),
    `${JSON.stringify({ at: new Date().toISOString(), database: database.label, node: process.version, results }, null, 2)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
