import { batchItemFailure, type Outcome } from '../../../runtime/schema/batchItems';
import { ledgerErrorCodes } from '../errors';

export { BatchItemError, invalidItem, requireBatchSize, type Outcome } from '../../../runtime/schema/batchItems';

/** An item's error as its single mutation would code it (the ledger's kinds, GraphQL errors, anything else). */
export function itemFailure(error: unknown): Outcome<never> {
  return batchItemFailure(ledgerErrorCodes, error);
}

/**
 * Runs `work` for every item: the items of one group one after another in input order (one
 * member's purchases, or retries of one key), the groups side by side, at most `concurrency` at a
 * time. Each item's failure is its own outcome.
 */
export async function runGrouped<Item, Result>(
  items: readonly Item[],
  groupOf: (item: Item, index: number) => string,
  work: (item: Item, index: number) => Promise<Result>,
  concurrency: number,
): Promise<Outcome<Result>[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = groupOf(item, index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const outcomes = new Array<Outcome<Result>>(items.length);
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const index of group) {
        try {
          outcomes[index] = { ok: true, value: await work(items[index]!, index) };
        } catch (error) {
          outcomes[index] = itemFailure(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return outcomes;
}
