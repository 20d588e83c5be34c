import type { Queryable } from '../../../runtime/database/database';
import type { CustomerMerge } from '../../profile/contract/customerMerges';
import { AccountBook } from '../accounts/accountBook';
import { ledgerEvents } from '../contract/events';
import type { LedgerCore } from '../ledgerCore';
import { tierStore } from '../tiers/tier.store';
import { accountMergeStore } from './accountMerge.store';
import type { WalletService } from '../wallets/wallet.service';

/**
 * Moves a merged member's account into the survivor's, in the caller's transaction: points, pending
 * points and their lots (see AccountBook.moveInto), and the orders and returns behind them, so
 * returns of the merged member's orders reverse the survivor's points, and their wallets (WalletService.merge). The merged account stays,
 * empty, pointing at the survivor: its id keeps posting to and reading the survivor's account, and
 * its journal shows in the survivor's history. A merge already applied is skipped.
 */
export async function mergeAccounts(
  core: LedgerCore,
  wallets: WalletService,
  tx: Queryable,
  merge: CustomerMerge,
): Promise<void> {
  const { survivorId, mergedId } = merge;
  if (await accountMergeStore.isMerged(tx, mergedId)) return;
  const program = await tierStore.load(tx);
  const now = core.clock();
  // The accounts merged into the merged one before come first (markMerged rewrites them), as a
  // book opened by such an id locks it before its survivor; then the two, in id order, so two
  // merges touching one account lock in the same order.
  await accountMergeStore.lockMergedInto(tx, mergedId);
  const books = new Map<string, AccountBook>();
  for (const id of [survivorId, mergedId].sort()) books.set(id, await AccountBook.open(tx, id, now, core.policy));
  const survivor = books.get(survivorId)!;
  const merged = books.get(mergedId)!;
  const moved = await merged.moveInto(survivor, merge.mergeId);
  await accountMergeStore.moveOrdersAndReturns(tx, mergedId, survivorId);
  await wallets.merge(tx, survivor, mergedId, merge.mergeId, now);
  merged.noteChange('Points moved to the profile this one was merged into', `merge:${merge.mergeId}`, null);
  survivor.noteChange('Points moved from a profile merged into this one', `merge:${merge.mergeId}`, null);
  survivor.publish(
    ledgerEvents.AccountsMerged.event(survivorId, { customerId: survivorId, survivorId, mergedId, ...moved }, null),
  );
  await merged.save(program);
  await survivor.save(program);
  await accountMergeStore.markMerged(tx, mergedId, survivorId, now);
}
