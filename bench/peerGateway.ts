import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../runtime/config/projectRoot';

export interface PeerGateway {
  name: string;
  url: string;
  /** Its process, whose CPU time the bench reads. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The supergraph with each subgraph's URL replaced by where it runs now (the bench starts the
 * subgraphs on free ports; the composed file names the `npm start` ports).
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

/** Reads a child's output until `pick` finds the URL in a line; fails if the child exits first. */
function urlFromOutput(
  output: NodeJS.ReadableStream,
  child: ChildProcess,
  pick: (line: string) => string | undefined,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: output });
    lines.on('line', (line) => {
      const url = pick(line);
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the gateway process exited with ${code}`)));
  });
}

/** Asks the process to stop, and kills it if it has not within 5 s. */
function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/**
 * Starts our gateway alone in its own process (dist/gateway/main.js), as it is deployed: the
 * fair comparison with a peer gateway in its own process, where the in-process stack shares one
 * event loop between the gateway and the four subgraphs.
 */
export async function startGatewayProcess(
  subgraphUrls: Readonly<Record<string, string>>,
  variant: { name: string; env: Record<string, string> } = { name: 'our gateway (own process)', env: {} },
): Promise<PeerGateway> {
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/gateway/main.js')], {
    env: {
      ...process.env,
      ...variant.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url])),
    },
    // Its logs (JSON lines) go to stderr: the 'listening' entry carries the URL.
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const url = await urlFromOutput(child.stderr!, child, (line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      return entry.msg === 'listening' ? entry.url : undefined;
    } catch {
      return undefined;
    }
  });
  return { name: variant.name, url, pid: child.pid!, stop: stopper(child) };
}

/**
 * Starts Hive Gateway on the same supergraph, in its own process, from `bench/peers` (installed
 * there with its own lockfile on first use: it is ~10x the project's own dependencies, so the
 * project never installs it). Returns null, saying why, when it cannot be installed.
 */
export async function startHiveGateway(
  supergraphSdl: string,
  subgraphUrls: Readonly<Record<string, string>>,
  planner: 'javascript' | 'rust' = 'javascript',
): Promise<PeerGateway | null> {
  const peers = path.join(projectRoot(), 'bench/peers');
  const installed = ['gateway-runtime', 'router-runtime'].every((name) =>
    existsSync(path.join(peers, 'node_modules/@graphql-hive', name)),
  );
  if (!installed) {
    console.log('Installing the peer gateway into bench/peers (first use only)...');
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: peers,
      stdio: 'inherit',
    });
    if (install.status !== 0) {
      console.error('bench/peers could not be installed: the peer gateway is left out of this run');
      return null;
    }
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'loyalty-bench-')), 'supergraph.graphql');
  writeFileSync(file, withSubgraphUrls(supergraphSdl, subgraphUrls));
  const args = [path.join(peers, 'hiveGateway.mjs'), file, ...(planner === 'rust' ? ['router-runtime'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: peers,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await urlFromOutput(child.stdout!, child, (line) => (JSON.parse(line) as { url: string }).url);
  const name = planner === 'rust' ? 'Hive Gateway, Rust query planner (own process)' : 'Hive Gateway (own process)';
  return { name, url, pid: child.pid!, stop: stopper(child) };
}
