import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { projectRoot } from '../runtime/config/projectRoot';
import { openPostgres } from '../runtime/database/postgres';
import { createScratchDatabase } from '../runtime/database/scratchDatabase';
import { subgraphNames } from '../subgraphs/registry';
import { setUpProgram } from './benchProgram';
import { bulkLoadMembers, bulkMemberIds } from './bulkLoad';
import { checkLedgerInvariants } from './ledgerInvariants';
import { load } from './loadRunner';
import type { LoadStep } from './loadWorker';
import { startGatewayProcess, type PeerGateway } from './peerGateway';
import { postgresCpuMeter, processCpuMs } from './processCpu';
import { startSubgraphProcesses } from './processStack';
import { customerQueryAt, recordPurchaseBody } from './scenarios/scenario';

/**
 * CPU per operation per process: the gateway and each subgraph run as processes of their own on
 * the PostgreSQL server (as deployed), members are loaded through the import path, and for each
 * operation the CPU time every process used over the load (from /proc, PostgreSQL's backends
 * included) is divided by the requests sent. Wall times on this shared machine are noisy; CPU per
 * operation much less so.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run -s bench:cpu
 *
 * Settings (environment): BENCH_MEMBERS (2,000), BENCH_ORDERS_PER_MEMBER (10), BENCH_DURATION_MS
 * (10,000 per operation), BENCH_CONCURRENCY (8), BENCH_CPU_OPERATIONS (every operation; or a comma
 * list of the operations' names to run, e.g. `customer query`).
 */

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number`);
  return value;
};

interface CpuRow {
  operation: string;
  requestsPerSecond: number;
  errors: number;
  /** CPU ms per request, by process. */
  cpuMs: Record<string, number>;
  totalCpuMs: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('bench/cpu runs each service as a process on PostgreSQL: set DATABASE_URL');
  const members = setting('BENCH_MEMBERS', 2000);
  const ordersPerMember = setting('BENCH_ORDERS_PER_MEMBER', 10);
  const durationMs = setting('BENCH_DURATION_MS', 10_000);
  const concurrency = setting('BENCH_CONCURRENCY', 8);
  const scratch = await createScratchDatabase(serverUrl, 'loyalty_bench_cpu');
  const db = await openPostgres({ connectionString: scratch.url, poolSize: 4 });
  const subgraphs = await startSubgraphProcesses({ databaseUrl: scratch.url, basePort: 5700 });
  const gateways: PeerGateway[] = [];
  try {
    // Every request carries the one admin token: the gateway's mutation rate limit would refuse most.
    const unlimited = { RATE_LIMIT_MUTATIONS_PER_TOKEN: '1000000', RATE_LIMIT_MUTATIONS_PER_IP: '1000000' };
    gateways.push(await startGatewayProcess(subgraphs.urls, { name: 'gateway', env: unlimited }));
    gateways.push(
      await startGatewayProcess(subgraphs.urls, {
        name: "gateway with @apollo/gateway's fetcher",
        env: { ...unlimited, SUBGRAPH_CLIENT: 'apollo' },
      }),
    );
    const [gateway] = gateways;
    const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
    await setUpProgram(gateway!.url, authorization);
    console.log(`Loading ${members.toLocaleString('en')} members, ${ordersPerMember} orders each...`);
    await bulkLoadMembers(
      { gatewayUrl: gateway!.url, authorization, db },
      { from: 0, to: members, ordersPerMember, now: new Date() },
    );
    const ids = await bulkMemberIds(db, 0, members);
    await db.query('checkpoint');

    const query = (url: string) => customerQueryAt({ authorization }, url);
    const purchase = (url: string, customerId = '{id}', prefix = 'cpu'): LoadStep[][] => [
      [{ url, authorization, body: recordPurchaseBody(customerId, prefix) }],
    ];
    const operations: Array<{ name: string; gateway: PeerGateway; groups: LoadStep[][] }> = [
      { name: 'customer query', gateway: gateways[0]!, groups: query(gateways[0]!.url) },
      {
        name: "customer query, gateway with @apollo/gateway's fetcher",
        gateway: gateways[1]!,
        groups: query(gateways[1]!.url),
      },
      { name: 'recordPurchase (distinct members)', gateway: gateways[0]!, groups: purchase(gateways[0]!.url) },
      // Every client on one account lock (issue 27: no slower than distinct members).
      {
        name: 'recordPurchase (one member)',
        gateway: gateways[0]!,
        groups: purchase(gateways[0]!.url, ids[0]!, 'cpu-one'),
      },
    ];
    const chosen = (process.env.BENCH_CPU_OPERATIONS ?? '').split(',').filter(Boolean);
    const rows: CpuRow[] = [];
    for (const operation of operations) {
      if (chosen.length > 0 && !chosen.includes(operation.name)) continue;
      console.log(`${operation.name}: ${durationMs / 1000} s at ${concurrency} clients...`);
      const processes = [
        ['gateway', operation.gateway.pid] as const,
        ...subgraphNames.map((name) => [name, subgraphs.pids[name]] as const),
      ];
      const before = processes.map(([, pid]) => processCpuMs(pid));
      const postgresCpu = await postgresCpuMeter(db);
      const result = await load({
        ids,
        concurrency,
        warmupMs: 2000,
        durationMs,
        groups: operation.groups,
        unique: true,
      });
      const postgresMs = (await postgresCpu()) * 1000;
      const sent = Math.max(1, result.sent);
      const cpuMs: Record<string, number> = {};
      processes.forEach(([name, pid], index) => (cpuMs[name] = round((processCpuMs(pid) - before[index]!) / sent)));
      cpuMs.postgres = round(postgresMs / sent);
      rows.push({
        operation: operation.name,
        requestsPerSecond: Math.round((result.requests / result.elapsedMs) * 1000),
        errors: result.errors,
        cpuMs,
        totalCpuMs: round(Object.values(cpuMs).reduce((sum, value) => sum + value, 0)),
      });
      if (result.firstError) console.error(`${operation.name}: first error: ${result.firstError}`);
    }
    const { accounts } = await checkLedgerInvariants(db);
    console.log(
      `Ledger invariants hold on all ${accounts.toLocaleString('en')} accounts (balance = Σ entries = Σ lots).`,
    );
    const columns = ['gateway', ...subgraphNames, 'postgres'];
    console.log(`\nCPU ms per operation per process, ${members.toLocaleString('en')} members, PostgreSQL server\n`);
    console.log(`| operation | requests/s | errors | ${columns.join(' | ')} | total |`);
    console.log(`| --- | --- | --- | ${columns.map(() => '---').join(' | ')} | --- |`);
    for (const row of rows) {
      console.log(
        `| ${row.operation} | ${row.requestsPerSecond} | ${row.errors} | ${columns.map((name) => row.cpuMs[name]!.toFixed(2)).join(' | ')} | ${row.totalCpuMs.toFixed(2)} |`,
      );
    }
    const directory = path.join(projectRoot(), 'bench/results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(
      path.join(directory, 'cpu.json'),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), members, ordersPerMember, durationMs, concurrency, rows }, null, 2)}\n`,
    );
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await subgraphs.stop();
    await db.close();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
