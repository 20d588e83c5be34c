import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';
import { createScratchDatabase } from '../runtime/database/scratchDatabase';
import { subgraphNames, type SubgraphName } from '../subgraphs/registry';
import { processCpuMs } from './peerGateway';

/**
 * What the services cost while nothing happens: each subgraph runs as its own process on the
 * PostgreSQL server (as docker-compose runs them), and the CPU each uses over an idle window is read
 * from /proc. `--poll-every <ms>` sets every follower's and job's interval (the safety net behind
 * NOTIFY) to compare with frequent polling; `--seconds <n>` sets the window (default 30).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run -s bench:idle -- [--poll-every 1000]
 */

const basePort = 5600;
const ports: Record<SubgraphName, number> = {
  profile: basePort + 1,
  ledger: basePort + 2,
  rewards: basePort + 3,
  campaign: basePort + 4,
  engagement: basePort + 5,
};
const url = (name: SubgraphName) => `http://127.0.0.1:${ports[name]}/graphql`;

/** The upstream URLs each subgraph's main.ts reads (as in docker-compose.yml). */
const upstreams: Record<SubgraphName, Record<string, string>> = {
  profile: {},
  campaign: { PROFILE_URL: url('profile'), LEDGER_URL: url('ledger'), REWARDS_URL: url('rewards') },
  rewards: { PROFILE_URL: url('profile'), LEDGER_URL: url('ledger') },
  ledger: { PROFILE_URL: url('profile'), CAMPAIGN_URL: url('campaign') },
  engagement: {
    PROFILE_URL: url('profile'),
    LEDGER_URL: url('ledger'),
    REWARDS_URL: url('rewards'),
    CAMPAIGN_URL: url('campaign'),
  },
};

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

async function waitReady(name: SubgraphName, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${ports[name]}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready`);
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('bench/idle runs each subgraph as a process on PostgreSQL: set DATABASE_URL');
  const seconds = option('--seconds') ?? 30;
  const pollEvery = option('--poll-every');
  const scratch = await createScratchDatabase(serverUrl, 'loyalty_bench_idle');
  const children = new Map<SubgraphName, ChildProcess>();
  try {
    for (const name of subgraphNames) {
      const child = spawn(process.execPath, [path.join(projectRoot(), `dist/subgraphs/${name}/main.js`)], {
        env: {
          ...process.env,
          ...upstreams[name],
          ...pollSettings(pollEvery),
          DATABASE_URL: scratch.url,
          PORT: String(ports[name]),
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.set(name, child);
    }
    for (const [name, child] of children) await waitReady(name, child);
    // Let start-up work (migrations, first reads, JIT) settle before the idle window.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const before = new Map([...children].map(([name, child]) => [name, processCpuMs(child.pid!)]));
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const rows = [...children].map(([name, child]) => ({
      service: name,
      cpuMsPerSecond: Math.round(((processCpuMs(child.pid!) - before.get(name)!) / seconds) * 10) / 10,
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
    for (const child of children.values()) child.kill('SIGTERM');
    await Promise.all(
      [...children.values()].map((child) =>
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined,
      ),
    );
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
