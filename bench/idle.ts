import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';
import { createScratchDatabase } from '../runtime/database/scratchDatabase';
import { subgraphNames } from '../subgraphs/registry';
import { processCpuMs } from './processCpu';
import { startSubgraphProcesses } from './processStack';

/**
 * What the services cost while nothing happens: each subgraph runs as its own process on the
 * PostgreSQL server (as docker-compose runs them), and the CPU each uses over an idle window is read
 * from /proc. `--poll-every <ms>` sets every follower's and job's interval (the safety net behind
 * NOTIFY) to compare with frequent polling; `--seconds <n>` sets the window (default 30).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run -s bench:idle -- [--poll-every 1000]
 */

function option(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} takes a whole number`);
  return value;
}

/** Every interval setting of the followers and jobs that read while idle. */
function pollSettings(everyMs: number | undefined): Record<string, string> {
  if (everyMs === undefined) return {};
  const ms = String(everyMs);
  return {
    EVENT_POLL_INTERVAL_MS: ms,
    MERGE_FOLLOW_INTERVAL_MS: ms,
    NOTIFY_INTERVAL_MS: ms,
    WEBHOOK_FOLLOW_INTERVAL_MS: ms,
    WEBHOOK_DISPATCH_INTERVAL_MS: ms,
    PURCHASE_HISTORY_INTERVAL_MS: ms,
  };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('bench/idle runs each subgraph as a process on PostgreSQL: set DATABASE_URL');
  const seconds = option('--seconds') ?? 30;
  const pollEvery = option('--poll-every');
  const scratch = await createScratchDatabase(serverUrl, 'loyalty_bench_idle');
  const stack = await startSubgraphProcesses({
    databaseUrl: scratch.url,
    basePort: 5600,
    env: pollSettings(pollEvery),
  });
  try {
    // Let start-up work (migrations, first reads, JIT) settle before the idle window.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const before = new Map(subgraphNames.map((name) => [name, processCpuMs(stack.pids[name])]));
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const rows = subgraphNames.map((name) => ({
      service: name,
      cpuMsPerSecond: Math.round(((processCpuMs(stack.pids[name]) - before.get(name)!) / seconds) * 10) / 10,
    }));
    const settings = pollEvery === undefined ? 'defaults' : `every interval ${pollEvery} ms`;
    console.log(`\nIdle CPU per subgraph process over ${seconds} s (${settings}), PostgreSQL\n`);
    console.log('| service | CPU ms per second |\n| --- | --- |');
    for (const row of rows) console.log(`| ${row.service} | ${row.cpuMsPerSecond} |`);
    const directory = path.join(projectRoot(), 'bench/results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      path.join(directory, 'idle.json'),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), seconds, settings, services: rows }, null, 2)}\n`,
    );
  } finally {
    await stack.stop();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
