import 'reflect-metadata';
import { print } from 'graphql';
import { BulkAdjustmentDocument, StartBulkAdjustmentDocument, type BulkAdjustmentQuery } from '../examples/sdk/graphql';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';
import { bulkLoadMembers, bulkMemberIds } from './bulkLoad';

/**
 * A bulk adjustment through the gateway: members adjusted per second, from the job's start to its
 * end (createdAt to finishedAt), for `BENCH_BULK_MEMBERS` members (default 5,000, one order each,
 * loaded by bulkLoad.ts), once as a credit and once as a debit of part of it.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/bench/bulkAdjustment.js
 */
const members = Number(process.env.BENCH_BULK_MEMBERS ?? 5000);

async function main(): Promise<void> {
  const database = await openBenchDatabase('loyalty_bench_bulk');
  const stack = await startStack({ db: database.db, logger: createLogger('error') });
  try {
    const authorization = await signClientAuthorization({ role: 'admin', subject: 'bench' }, developmentAuthConfig());
    await bulkLoadMembers(
      { gatewayUrl: stack.gateway.url, authorization, db: database.db },
      { from: 0, to: members, ordersPerMember: 1, now: new Date() },
    );
    const customerIds = await bulkMemberIds(database.db, 0, members);
    const rows: Array<Record<string, string | number>> = [];
    for (const points of [10, -5]) {
      const { startBulkAdjustment } = await graphqlRequest<{ startBulkAdjustment: { id: string } }>(
        stack.gateway.url,
        print(StartBulkAdjustmentDocument),
        { input: { customerIds, points, reason: 'Benchmark', idempotencyKey: `bench-${Date.now()}-${points}` } },
        { headers: { authorization } },
      );
      let job: NonNullable<BulkAdjustmentQuery['bulkAdjustment']>;
      do {
        await new Promise((resolve) => setTimeout(resolve, 200));
        job = (
          await graphqlRequest<BulkAdjustmentQuery>(
            stack.gateway.url,
            print(BulkAdjustmentDocument),
            { id: startBulkAdjustment.id },
            { headers: { authorization } },
          )
        ).bulkAdjustment!;
      } while (job.state === 'RUNNING');
      const seconds = (Date.parse(job.finishedAt!) - Date.parse(job.createdAt)) / 1000;
      rows.push({
        database: database.label,
        points,
        members: job.total,
        failed: job.failed,
        seconds: Math.round(seconds * 100) / 100,
        membersPerSecond: Math.round(job.processed / seconds),
      });
    }
    console.table(rows);
  } finally {
    await stack.stop();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
