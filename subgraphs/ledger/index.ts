import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import {
  defaultMergeFollowIntervalMs,
  followCustomerMerges,
  type MergeFollower,
} from '../profile/contract/customerMerges';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { ActivityService } from './activities/activity.service';
import { AdjustmentService } from './adjustments/adjustment.service';
import { BulkAdjustmentService, type BulkAdjustmentOptions } from './bulkAdjustments/bulkAdjustment.service';
import { createLedgerContext } from './context';
import { LedgerCore } from './ledgerCore';
import { createPointsJob, type PointsJob } from './maintenance/pointsJob';
import { foldedTypes, foldLedgerEvents } from './metrics/programMetrics.store';
import { followerWakeUps } from '../../runtime/events/followerTransport';
import { PeriodicJob } from '../../runtime/jobs/periodicJob';
import { ImportJobService } from './importJobs/importJob.service';
import { mergeAccounts } from './merges/accountMerge';
import { defaultLedgerPolicy, type LedgerPolicy } from './program/ledgerPolicy';
import { PurchaseService } from './purchases/purchase.service';
import { PointsPaymentService } from './pointsPayments/pointsPayment.service';
import { RedemptionService } from './redemptions/redemption.service';
import { ReturnService } from './returns/return.service';
import { ledgerExports } from './exports/ledgerExports';
import { buildLedgerSchema } from './schema';
import { ledgerSettings } from './settings';
import { TransferService } from './transfers/transfer.service';
import { WalletService } from './wallets/wallet.service';
import { CampaignQuotes } from './upstream/campaignQuotes';
import { CampaignSegments } from './upstream/campaignSegments';
import { ProfileDirectory } from '../profile/contract/profileDirectory';
import { ledgerImports } from './imports/ledgerImports';
import { profileMemberKeys } from './imports/memberKeys';

export const ledgerMigrationsDir = path.join(projectRoot(), 'subgraphs/ledger/migrations');

export interface LedgerOptions extends SubgraphOptions {
  /** The profile subgraph's `/graphql` URL, asked whether a customer exists. */
  profileUrl: string;
  /** The campaign subgraph's `/graphql` URL, asked for points quotes. */
  campaignUrl: string;
  /** Pending window, expiry and the points job's interval. Default `defaultLedgerPolicy`. */
  policy?: LedgerPolicy;
  /** The ledger's "now" (tests move it forward to reach expiry and review dates). Default the system clock. */
  clock?: () => Date;
  /**
   * How often the ledger reads the profile's outbox for merges it has not applied yet, a safety net
   * behind the profile's `NOTIFY` of each merge (0: never). Default 30000 ms.
   */
  mergeFollowIntervalMs?: number;
  /** Rows per batch of a bulk export (`LEDGER_EXPORT_BATCH_SIZE`). Default 1000. */
  exportBatchSize?: number;
  /**
   * How often the ledger looks for bulk adjustments no instance is running (one a stopped instance
   * left), besides at start and when one starts (0: only those). Default 10000 ms.
   */
  bulkAdjustmentIntervalMs?: number;
  /** Chunk size, concurrency and lease of bulk adjustments. */
  bulkAdjustments?: BulkAdjustmentOptions;
}

export interface RunningLedger extends RunningSubgraph {
  pointsJob: PointsJob;
  merges: MergeFollower;
}

/** Starts the ledger subgraph: accounts, the journal, purchases, returns, redemptions, tiers and balance updates. */
export async function startLedgerSubgraph(options: LedgerOptions): Promise<RunningLedger> {
  const credential = new InternalCredential('ledger', options.auth.internalSecret);
  const profiles = new ProfileDirectory(() => options.profileUrl, credential);
  const core = new LedgerCore(
    options.db,
    options.policy ?? defaultLedgerPolicy,
    options.clock ?? (() => new Date()),
    profiles,
  );
  const logger = options.logger.child({ service: 'ledger' });
  const quotes = new CampaignQuotes(options.campaignUrl, credential);
  const activities = new ActivityService(core, quotes, logger);
  const pointsPayments = new PointsPaymentService(core);
  const wallets = new WalletService(core);
  const purchases = new PurchaseService(core, quotes, pointsPayments, wallets);
  purchases.afterFirstPurchase = (customerId) =>
    // The points job pays it later if this fails.
    activities.completeReferral(customerId).catch((error: unknown) => {
      logger.warn('a referral could not be paid yet', { error: String(error) });
    });
  const merges = followCustomerMerges({
    db: options.db,
    schema: 'ledger',
    profileUrl: () => options.profileUrl,
    credential,
    logger: logger.child({ job: 'customer-merges' }),
    apply: (merge, tx) => mergeAccounts(core, wallets, tx, merge),
    eventTransport: options.eventTransport,
  });
  const pointsJob = createPointsJob(core, logger.child({ job: 'points' }), async () => {
    // Expired holds give their points back here (a hold operation of the member does it too).
    await pointsPayments.releaseExpired();
    await wallets.settleDue();
    await activities.completeDueReferrals();
  });
  const metricsJob = new PeriodicJob(
    'program metrics',
    () => foldLedgerEvents(options.db),
    logger.child({ job: 'program-metrics' }),
    // Aggregates need no hurry: a second's wait folds a stream of purchases in one run. The fold
    // reads the ledger's own events table, set-based (2,000 events a statement, joined with orders
    // and accounts), whatever the transport: with `nats` only what wakes it is the stream.
    { ...followerWakeUps(options.eventTransport, options.db, { ledger: foldedTypes }), wakeUpDelayMs: 1000 },
  );
  const adjustments = new AdjustmentService(core);
  const bulkAdjustments = new BulkAdjustmentService(
    core,
    adjustments,
    new CampaignSegments(options.campaignUrl, credential),
    profiles,
    logger.child({ job: 'bulk-adjustments' }),
    options.bulkAdjustments,
  );
  const services = {
    db: options.db,
    core,
    purchases,
    activities,
    returns: new ReturnService(core, pointsPayments, wallets),
    redemptions: new RedemptionService(core),
    pointsPayments,
    wallets,
    adjustments,
    bulkAdjustments,
    transfers: new TransferService(core),
    importJobs: new ImportJobService(options.db, options.clock),
    pointsJob,
    metricsJob,
  };
  const subgraph = await startSubgraph(
    {
      name: 'ledger',
      migrationsDir: ledgerMigrationsDir,
      schema: await buildLedgerSchema(),
      createContext: (input) => createLedgerContext(services, input),
      imports: ledgerImports({
        policy: core.policy,
        clock: core.clock,
        members: profileMemberKeys(() => options.profileUrl, credential),
      }),
      exports: {
        datasets: ledgerExports,
        batchSize: options.exportBatchSize ?? ledgerSettings.settings.exportBatchSize.default,
      },
    },
    options,
  );
  await pointsJob.start(core.policy.jobIntervalMs);
  await metricsJob.start(core.policy.metricsIntervalMs);
  await merges.start(options.mergeFollowIntervalMs ?? defaultMergeFollowIntervalMs);
  // A job is started by its request and resumed at start-up; the interval only takes over one an
  // instance that stopped left, whose lease (a minute) must run out first: no sooner than that.
  await bulkAdjustments.start(options.bulkAdjustmentIntervalMs ?? 60_000);
  return {
    ...subgraph,
    pointsJob,
    merges,
    async stop() {
      // The server first reports not ready; its jobs stop meanwhile.
      await Promise.all([subgraph.stop(), merges.stop(), metricsJob.stop(), pointsJob.stop(), bulkAdjustments.stop()]);
    },
  };
}
