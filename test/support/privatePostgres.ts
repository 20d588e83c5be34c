import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL server installed from Debian's packages (the one the machine runs). */
function serverBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('no PostgreSQL server is installed under /usr/lib/postgresql');
  return path.join('/usr/lib/postgresql', versions[0]!, 'bin');
}

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /**
   * Stops the server as a crash would (`-m immediate`: no checkpoint, sessions cut; what was
   * committed comes back from the write-ahead log at the next start).
   */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server, deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of this test's own, from the machine's installed binaries, in a temporary
 * directory on a free port: a test may stop and start it without touching the shared server the
 * other tests use. Run as the `postgres` user when the tests run as root (the server refuses root).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = serverBin();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loyalty-pg-'));
  const asServerUser = userInfo().uid === 0;
  if (asServerUser) chownSync(dataDir, ...(await postgresIds()));
  const exec = (tool: string, args: string[]) =>
    asServerUser
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const port = await freePort();
  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`;
  const start = async () => {
    await exec('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
  };
  const stop = async (mode = 'immediate') => {
    await exec('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => stop(),
    async destroy() {
      await stop('fast').catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return [Number(uid.trim()), Number(gid.trim())];
}
