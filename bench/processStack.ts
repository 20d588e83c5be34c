import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';
import { subgraphNames, type SubgraphName } from '../subgraphs/registry';

/**
 * The five subgraphs, each as its own process on one database (as docker-compose runs them), for
 * benches that read each process's CPU from /proc. Ports from `basePort + 1`.
 */
export interface SubgraphProcesses {
  urls: Record<SubgraphName, string>;
  pids: Record<SubgraphName, number>;
  stop(): Promise<void>;
}

/** The upstream URLs each subgraph's main.ts reads (as in docker-compose.yml). */
function upstreamsOf(url: (name: SubgraphName) => string): Record<SubgraphName, Record<string, string>> {
  return {
    profile: { LEDGER_URL: url('ledger'), REWARDS_URL: url('rewards'), ENGAGEMENT_URL: url('engagement') },
    campaign: {
      PROFILE_URL: url('profile'),
      LEDGER_URL: url('ledger'),
      REWARDS_URL: url('rewards'),
      ENGAGEMENT_URL: url('engagement'),
    },
    rewards: { PROFILE_URL: url('profile'), LEDGER_URL: url('ledger') },
    ledger: { PROFILE_URL: url('profile'), CAMPAIGN_URL: url('campaign') },
    engagement: {
      PROFILE_URL: url('profile'),
      LEDGER_URL: url('ledger'),
      REWARDS_URL: url('rewards'),
      CAMPAIGN_URL: url('campaign'),
    },
  };
}

async function waitReady(name: SubgraphName, port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready`);
}

export async function startSubgraphProcesses(options: {
  databaseUrl: string;
  basePort: number;
  /** Settings for every process (intervals, log level). */
  env?: Record<string, string>;
}): Promise<SubgraphProcesses> {
  const port = (name: SubgraphName) => options.basePort + 1 + subgraphNames.indexOf(name);
  const url = (name: SubgraphName) => `http://127.0.0.1:${port(name)}/graphql`;
  const upstreams = upstreamsOf(url);
  const children = new Map<SubgraphName, ChildProcess>();
  const stop = async () => {
    for (const child of children.values()) child.kill('SIGTERM');
    await Promise.all(
      [...children.values()].map((child) =>
        child.exitCode === null && child.signalCode === null
          ? new Promise((resolve) => child.once('exit', resolve))
          : undefined,
      ),
    );
  };
  try {
    for (const name of subgraphNames) {
      const child = spawn(process.execPath, [path.join(projectRoot(), `dist/subgraphs/${name}/main.js`)], {
        env: {
          ...process.env,
          LOG_LEVEL: 'error',
          ...upstreams[name],
          ...options.env,
          DATABASE_URL: options.databaseUrl,
          PORT: String(port(name)),
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.set(name, child);
    }
    for (const [name, child] of children) await waitReady(name, port(name), child);
  } catch (error) {
    await stop();
    throw error;
  }
  const record = <T>(value: (name: SubgraphName) => T) =>
    Object.fromEntries(subgraphNames.map((name) => [name, value(name)])) as Record<SubgraphName, T>;
  return { urls: record(url), pids: record((name) => children.get(name)!.pid!), stop };
}
