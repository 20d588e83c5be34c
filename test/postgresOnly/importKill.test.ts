import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signClientAuthorization } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { openPostgres } from '../../runtime/database/postgres';
import { createScratchDatabase, type ScratchDatabase } from '../../runtime/database/scratchDatabase';
import { importFile, type ImportJobView } from '../../scripts/importFile';
import { subgraphNames } from '../../subgraphs/registry';

const members = 20_000;
const root = path.resolve(__dirname, '../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm start`'s process (gateway and subgraphs in one), on the scratch database. */
class GraphProcess {
  private child: ChildProcess | null = null;

  constructor(private readonly env: Record<string, string>) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.env.GATEWAY_PORT}/graphql`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [path.join(root, 'dist/stack/main.js')], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(new URL('/health/ready', this.gatewayUrl)).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      if (this.child.exitCode !== null) throw new Error(`the graph exited with ${this.child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the graph did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGKILL: no shutdown, no last write. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

// On the PostgreSQL server only: the graph runs as its own process so the test can kill it.
describe('an import whose graph is killed mid-file', () => {
  let scratch: ScratchDatabase;
  let graph: GraphProcess;
  let folder: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'loyalty_kill');
    const ports = Object.fromEntries(
      await Promise.all(
        ['GATEWAY', 'EXAMPLES', ...subgraphNames.map((name) => name.toUpperCase())].map(
          async (name) => [`${name}_PORT`, String(await freePort())] as const,
        ),
      ),
    );
    graph = new GraphProcess({
      ...ports,
      DATABASE_URL: scratch.url,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
      IMPORT_BATCH_RECORDS: '500',
    });
    await graph.start();
    folder = mkdtempSync(path.join(tmpdir(), 'loyalty-kill-'));
  }, 90_000);
  afterAll(async () => {
    await graph?.kill();
    await scratch?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('resumes after kill -9 (twice) with every member once: none lost, none doubled', async () => {
    const file = path.join(folder, 'members.ndjson');
    writeFileSync(
      file,
      Array.from({ length: members }, (_, n) =>
        JSON.stringify({ memberKey: `K-${n}`, givenName: `Killed${n}`, email: `killed-${n}@example.com` }),
      ).join('\n') + '\n',
    );
    const authorization = await signClientAuthorization(
      { role: 'admin', subject: 'kill-test' },
      developmentAuthConfig(),
      3600,
    );
    let jobId: string | undefined;
    // Killed when this many records are in, wherever the upload is (a part, a batch, a progress write).
    const killAt = [2_000, 11_000];
    let kills = 0;
    let restarting: Promise<void> | null = null;
    let job: ImportJobView | null = null;
    for (let round = 0; round < 10 && job?.state !== 'COMPLETED'; round++) {
      try {
        job = await importFile({
          gatewayUrl: graph.gatewayUrl,
          authorization,
          kind: 'MEMBERS',
          file,
          format: 'ndjson',
          resumeJobId: jobId,
          partBytes: 256 * 1024,
          progressIntervalMs: 50,
          onProgress: (latest) => {
            jobId = latest.id;
            if (restarting === null && kills < killAt.length && latest.processed >= killAt[kills]!) {
              kills += 1;
              restarting = graph
                .kill()
                .then(() => graph.start())
                .finally(() => {
                  restarting = null;
                });
            }
          },
        });
      } catch (error) {
        // The gateway went away under the upload (its retries did not outlast the restart): resume.
        if (kills === 0) throw error;
      }
      await restarting;
    }
    expect(kills).toBe(killAt.length);
    expect(job).toMatchObject({ state: 'COMPLETED', total: members, processed: members, failed: 0 });
    expect(job!.applied + job!.skipped).toBe(members);

    const db = await openPostgres({ connectionString: scratch.url, poolSize: 1 });
    try {
      const { rows } = await db.query<{ keys: number; distinct_keys: number; customers: number; emails: number }>(
        `select (select count(*) from profile.identities where type = 'LEGACY_MEMBER_ID')::int as keys,
                (select count(distinct value) from profile.identities where type = 'LEGACY_MEMBER_ID')::int as distinct_keys,
                (select count(*) from profile.customers)::int as customers,
                (select count(*) from profile.identities where type = 'EMAIL')::int as emails`,
      );
      expect(rows[0]).toEqual({ keys: members, distinct_keys: members, customers: members, emails: members });
    } finally {
      await db.close();
    }
  }, 240_000);
});
