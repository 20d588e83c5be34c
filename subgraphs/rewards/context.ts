import DataLoader from 'dataloader';
import type { ProfileDirectory } from '../profile/contract/profileDirectory';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { Database } from '../../runtime/database/database';
import type { EventFeed } from '../../runtime/events/eventFeed';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { RewardService } from './catalog/reward.service';
import type { Reward } from './catalog/reward.type';
import type { RewardsJob } from './maintenance/rewardsJob';
import type { RedemptionService } from './redemptions/redemption.service';
import { redemptionStore, type VoucherRow } from './redemptions/redemption.store';
import type { LedgerPoints, MemberPoints } from './upstream/ledgerPoints';
import type { VoucherService } from './vouchers/voucher.service';
import type { VoucherStatus } from './vouchers/voucher.type';

export interface RewardsServices {
  db: Database;
  rewards: RewardService;
  redemptions: RedemptionService;
  vouchers: VoucherService;
  rewardsJob: RewardsJob;
  ledger: LedgerPoints;
  /** Whether a member exists, before following the events of one rewards has no rows of. */
  profiles: ProfileDirectory;
  clock: () => Date;
}

export interface RewardsContext extends RewardsServices, AuthContext {
  events: EventFeed;
  loaders: {
    rewardById: DataLoader<string, Reward | null>;
    /** The first N active rewards, read once per request however many customers ask. */
    activeRewards: DataLoader<number, Reward[]>;
    /** Balances and tiers from the ledger: one call for every member of a request. */
    memberPoints: DataLoader<string, MemberPoints>;
    /** Vouchers per member and status filter: one query for every member of a request. */
    vouchers: DataLoader<{ customerId: string; statuses: VoucherStatus[] | null }, VoucherRow[], string>;
  };
}

export function createRewardsContext(services: RewardsServices, { principal, events }: ContextInput): RewardsContext {
  const { rewards, ledger, db } = services;
  return {
    ...services,
    principal,
    events,
    loaders: {
      rewardById: rewards.createLoader(),
      activeRewards: new DataLoader(async (limits) => {
        const largest = await rewards.activePage(null, Math.max(...limits));
        return limits.map((limit) => largest.slice(0, limit));
      }),
      memberPoints: new DataLoader(async (ids) => {
        const found = await ledger.members(ids);
        return ids.map((id) => found.get(id) ?? { balance: 0, tier: null });
      }),
      vouchers: new DataLoader(
        async (keys) => {
          // Requests in one batch share a status filter in practice: one query per distinct filter.
          const groups = new Map<string, (typeof keys)[number][]>();
          for (const key of keys) {
            const group = JSON.stringify(key.statuses);
            groups.set(group, [...(groups.get(group) ?? []), key]);
          }
          const results = new Map<string, VoucherRow[]>();
          for (const group of groups.values()) {
            const rows = await redemptionStore.vouchersOfMembers(
              db,
              group.map((key) => key.customerId),
              group[0]!.statuses ?? null,
            );
            for (const key of group) {
              results.set(
                JSON.stringify(key),
                rows.filter((row) => row.customer_id === key.customerId),
              );
            }
          }
          return keys.map((key) => results.get(JSON.stringify(key)) ?? []);
        },
        { cacheKeyFn: (key) => JSON.stringify(key) },
      ),
    },
  };
}
