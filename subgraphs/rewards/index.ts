import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import {
  defaultMergeFollowIntervalMs,
  followCustomerMerges,
  type MergeFollower,
} from '../profile/contract/customerMerges';
import { urlSource, type ServiceUrl } from '../../runtime/http/graphqlRequest';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { RewardService } from './catalog/reward.service';
import { createRewardsContext } from './context';
import { createRewardsJob, type RewardsJob } from './maintenance/rewardsJob';
import { mergeRewards } from './merges/customerMerge.store';
import { BirthdayRewards } from './redemptions/birthdayRewards';
import { RedemptionService } from './redemptions/redemption.service';
import { buildRewardsSchema } from './schema';
import { LedgerPoints } from './upstream/ledgerPoints';
import { ProfileBirthdays } from './upstream/profileBirthdays';
import { ProfileDirectory } from '../profile/contract/profileDirectory';
import { VoucherService } from './vouchers/voucher.service';

export const rewardsMigrationsDir = path.join(projectRoot(), 'subgraphs/rewards/migrations');

export interface RewardsOptions extends SubgraphOptions {
  /** The profile subgraph's `/graphql` URL (whose birthday it is). */
  profileUrl: ServiceUrl;
  /** The ledger subgraph's `/graphql` URL (balances, debits, refunds); may be known only later. */
  ledgerUrl: ServiceUrl;
  /** The rewards service's "now" (voucher expiry). Default the system clock. */
  clock?: () => Date;
  /** How often the rewards job runs; 0 only on request. Default 60000 ms. */
  jobIntervalMs?: number;
  /** Days in the past a voucher use's `occurredAt` may be (an offline till). Default 30. */
  maxLatenessDays?: number;
  /**
   * How often rewards reads the profile's outbox for merges it has not applied yet, a safety net
   * behind the profile's `NOTIFY` of each merge (0: never). Default 30000 ms.
   */
  mergeFollowIntervalMs?: number;
}

export interface RunningRewards extends RunningSubgraph {
  rewardsJob: RewardsJob;
  merges: MergeFollower;
}

/** Starts the rewards subgraph: the catalog, redemptions and vouchers. */
export async function startRewardsSubgraph(options: RewardsOptions): Promise<RunningRewards> {
  const credential = new InternalCredential('rewards', options.auth.internalSecret);
  const ledger = new LedgerPoints(urlSource(options.ledgerUrl), credential);
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger.child({ service: 'rewards' });
  const redemptions = new RedemptionService(options.db, ledger, clock, logger);
  const vouchers = new VoucherService(options.db, ledger, clock, logger, options.maxLatenessDays ?? 30);
  const birthdays = new BirthdayRewards(
    options.db,
    redemptions,
    new ProfileBirthdays(urlSource(options.profileUrl), credential),
    logger.child({ job: 'birthdays' }),
  );
  const rewardsJob = createRewardsJob(redemptions, vouchers, birthdays, clock, logger.child({ job: 'rewards' }));
  const services = {
    db: options.db,
    rewards: new RewardService(options.db),
    redemptions,
    vouchers,
    rewardsJob,
    ledger,
    profiles: new ProfileDirectory(urlSource(options.profileUrl), credential),
    clock,
  };
  const subgraph = await startSubgraph(
    {
      name: 'rewards',
      migrationsDir: rewardsMigrationsDir,
      schema: await buildRewardsSchema(),
      createContext: (input) => createRewardsContext(services, input),
    },
    options,
  );
  const merges = followCustomerMerges({
    db: options.db,
    schema: 'rewards',
    profileUrl: urlSource(options.profileUrl),
    credential,
    logger: logger.child({ job: 'customer-merges' }),
    apply: (merge, tx) => mergeRewards(tx, merge),
    eventTransport: options.eventTransport,
  });
  await rewardsJob.start(options.jobIntervalMs ?? 60_000);
  await merges.start(options.mergeFollowIntervalMs ?? defaultMergeFollowIntervalMs);
  return {
    ...subgraph,
    rewardsJob,
    merges,
    async stop() {
      // The server first reports not ready; its jobs stop meanwhile.
      await Promise.all([subgraph.stop(), merges.stop(), rewardsJob.stop()]);
    },
  };
}
