import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './privatePostgres';

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export interface PrivateNats {
  /** nats://127.0.0.1:PORT */
  url: string;
  /** Kills the server as a crash would (SIGKILL); JetStream's files stay for the next start. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Kills the server and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A NATS server (JetStream on) of this test's own, from the machine's `nats-server` (Debian's
 * package; `.ci/run` installs it), in a temporary directory on a free port: a test may kill and
 * restart it without touching the shared server.
 */
export async function startPrivateNats(): Promise<PrivateNats> {
  const storeDir = mkdtempSync(path.join(tmpdir(), 'loyalty-nats-'));
  const port = await freePort();
  let server: ChildProcess | undefined;
  const start = async () => {
    const child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
      stdio: 'ignore',
    });
    server = child;
    const failed = new Promise<never>((_, reject) =>
      child.once('error', (error) => reject(new Error(`nats-server did not start: ${error.message}`))),
    );
    const deadline = Date.now() + 10_000;
    while (!(await Promise.race([answers(port), failed]))) {
      if (Date.now() > deadline) throw new Error('nats-server did not answer within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const kill = async () => {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    kill,
    start,
    async destroy() {
      await kill();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
