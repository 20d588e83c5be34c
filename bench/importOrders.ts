import { createHash } from 'node:crypto';
import { InternalCredential } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import type { ImportBatchResult } from '../runtime/imports/importBatch';
import { createLogger } from '../runtime/logging/logger';
import { startStack } from '../stack/startStack';
import { openBenchDatabase } from './benchDatabase';

/**
 * How fast the ledger applies ORDERS import batches: `batches` batches of `batchSize` past
 * purchases (one line each) posted to `POST /internal/import/ORDERS` as the gateway posts them,
 * one at a time. Member keys resolve to ids of their own (the MEMBERS import is not needed for it).
 *
 *   DATABASE_URL=postgres://... node dist/bench/importOrders.js [batches] [batchSize] [members]
 */
const [batches, batchSize, members] = [2, 3, 4].map((index, n) => Number(process.argv[index] ?? [10, 2000, 5000][n]));

const memberId = (key: string): string => {
  const hex = createHash('md5').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

async function main(): Promise<void> {
  const database = await openBenchDatabase('loyalty_bench_import');
  const stack = await startStack({
    db: database.db,
    logger: createLogger('error'),
    ledgerImportMemberIds: async (keys) => new Map(keys.map((key) => [key, memberId(key)])),
  });
  const credential = new InternalCredential('gateway', developmentAuthConfig().internalSecret);
  const url = new URL('/internal/import/ORDERS', stack.subgraphs.ledger.url).toString();
  try {
    const started = Date.now() - 400 * 86_400_000;
    let applied = 0;
    const began = performance.now();
    for (let batch = 0; batch < batches; batch++) {
      const records = Array.from({ length: batchSize }, (_, index) => {
        const n = batch * batchSize + index;
        return {
          line: index + 2,
          fields: {
            orderKey: `bench-${n}`,
            memberKey: `member-${n % members}`,
            occurredAt: new Date(started + n * 60_000).toISOString(),
            channel: ['IN_STORE', 'ONLINE', 'MOBILE_APP'][n % 3],
            storeId: n % 3 === 0 ? `store-${n % 25}` : undefined,
            currency: 'EUR',
            lines: [{ sku: `SKU-${n % 50}`, category: 'apparel', quantity: 1, unitPrice: 500 + (n % 40_000) }],
          },
        };
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await credential.authorization() },
        body: JSON.stringify({ jobId: 'bench', dryRun: false, records }),
      });
      const result = (await response.json()) as ImportBatchResult;
      if (result.errors.length > 0) throw new Error(`batch ${batch}: ${JSON.stringify(result.errors.slice(0, 3))}`);
      applied += result.applied;
    }
    const seconds = (performance.now() - began) / 1000;
    console.log(
      `${database.label}: ${applied.toLocaleString('en')} orders in ${batches} batches of ${batchSize.toLocaleString('en')} ` +
        `in ${seconds.toFixed(2)} s: ${Math.round(applied / seconds).toLocaleString('en')} orders/s`,
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
