import 'reflect-metadata';
import { InternalCredential } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { internalImportPath, type ImportBatchResult, type ImportRecord } from '../runtime/imports/importBatch';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';

/**
 * MEMBERS import throughput: batches of members posted to the profile's import endpoint one after
 * the other, as the gateway does, each with email, phone, a POS id, attributes and two consent
 * answers (the card is issued by the import). Prints members/s over all batches.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/bench/memberImport.js
 *
 * `BENCH_IMPORT_BATCHES` (10) and `BENCH_IMPORT_BATCH_SIZE` (2000) set the load; `BENCH_IMPORT_PARALLEL`
 * (1) how many batches are in flight at once (two keep two cores busy, if the gateway posts so).
 */

const batches = Number(process.env.BENCH_IMPORT_BATCHES ?? 10);
const batchSize = Number(process.env.BENCH_IMPORT_BATCH_SIZE ?? 2000);
const parallel = Number(process.env.BENCH_IMPORT_PARALLEL ?? 1);

function member(index: number): Record<string, unknown> {
  return {
    memberKey: `OLD-${index}`,
    givenName: 'Bench',
    familyName: `Member ${index}`,
    email: `bench-${index}@example.com`,
    phone: `+4915${String(100000000 + index)}`,
    birthday: '1990-05-17',
    language: 'de-DE',
    preferredChannel: 'EMAIL',
    enrolledAt: '2018-03-01T10:00:00Z',
    enrollmentChannel: 'IN_STORE',
    enrollmentStoreId: 'berlin-1',
    identities: [{ type: 'POS_CUSTOMER_ID', value: `POS-${index}` }],
    attributes: { size: 'M', segment: index % 7 },
    consent: { EMAIL: { granted: true, source: 'old-engine', at: '2018-03-01T10:01:00Z' }, SMS: { granted: false } },
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase('loyalty_bench_import');
  const stack = await startStack({ db: database.db, logger: createLogger('error') });
  try {
    const credential = new InternalCredential('gateway', developmentAuthConfig().internalSecret);
    const url = new URL(`${internalImportPath}/MEMBERS`, stack.subgraphs.profile.url);
    const times: number[] = [];
    const bodies = Array.from({ length: batches }, (_, batch) =>
      JSON.stringify({
        jobId: 'bench',
        dryRun: false,
        records: Array.from({ length: batchSize }, (_, i): ImportRecord => ({
          line: i + 1,
          fields: member(batch * batchSize + i),
        })),
      }),
    );
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < batches) {
          const batch = next++;
          const posted = performance.now();
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
            body: bodies[batch],
          });
          const result = (await response.json()) as ImportBatchResult;
          times.push(performance.now() - posted);
          if (result.applied !== batchSize) throw new Error(`batch ${batch}: ${JSON.stringify(result).slice(0, 500)}`);
        }
      }),
    );
    const total = performance.now() - started;
    const members = batches * batchSize;
    console.log(
      `${database.label}: ${members} members in ${batches} batches of ${batchSize}, ${parallel} at once: ${(total / 1000).toFixed(2)} s, ` +
        `${Math.round(members / (total / 1000))} members/s (batch ms: ${times.map((ms) => Math.round(ms)).join(', ')})`,
    );
  } finally {
    await stack.stop();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
