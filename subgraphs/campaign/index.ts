import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import { followedOutbox } from '../../runtime/events/followerTransport';
import { UpstreamOutbox } from '../../runtime/events/upstreamOutbox';
import { urlSource, type ServiceUrl } from '../../runtime/http/graphqlRequest';
import { projectRoot } from '../../runtime/config/projectRoot';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { AbsenceScheduler, defaultAbsencePollMs } from './absence/absenceScheduler';
import { createAbsenceStarts, AbsencePurchases, type AbsenceStarts } from './absence/absenceStarts';
import { AbsenceTriggerService } from './absence/absenceTrigger.service';
import { BadgeService } from './badges/badge.service';
import { BadgeAwards } from './badges/badgeAwards';
import { BadgeTracker, EventBadgeTracker } from './badges/badgeTracker';
import { CampaignService } from './campaigns/campaign.service';
import { createCampaignContext } from './context';
import { ledgerEventsField } from '../ledger/contract/internalApi';
import { EarnRateService } from './earning/earnRate.service';
import { LeaderboardService } from './leaderboards/leaderboard.service';
import { defaultProgramSettings, type ProgramSettings } from './program/programSettings';
import { QuoteService } from './quotes/quote.service';
import { ReferralService } from './referrals/referral.service';
import { PeriodicJob } from '../../runtime/jobs/periodicJob';
import { defaultReferralProgram } from './referrals/referral.type';
import { RuleCache } from './quotes/ruleCache';
import { buildCampaignSchema } from './schema';
import { AudienceService } from './segments/audience.service';
import { CustomEvents } from './customEvents/customEvents';
import { createMemberMessages, type MemberMessages } from './segments/memberMessages';
import { createMemberProfiles, type MemberProfiles } from './segments/memberProfiles';
import { defaultHistoryIntervalMs, historyConsumer, PurchaseHistory } from './segments/purchaseHistory';
import { SegmentService } from './segments/segment.service';
import { SimulationService } from './simulation/simulation.service';
import { LedgerAwards } from './upstream/ledgerAwards';
import { RewardGrants } from './upstream/rewardGrants';
import { LedgerQuoteFacts } from './upstream/ledgerQuoteFacts';
import { ProfileFacts } from './upstream/profileFacts';

export const campaignMigrationsDir = path.join(projectRoot(), 'subgraphs/campaign/migrations');

export interface CampaignOptions extends SubgraphOptions {
  /** The profile subgraph's `/graphql` URL (enrollment dates for new-member campaigns). */
  profileUrl: ServiceUrl;
  /** The ledger subgraph's `/graphql` URL (its events feed the purchase history); may be known only later. */
  ledgerUrl: ServiceUrl;
  /** The rewards subgraph's `/graphql` URL (it grants the rewards of absence triggers); may be known only later. */
  rewardsUrl: ServiceUrl;
  /** The engagement subgraph's `/graphql` URL (its messages and their responses feed segments); may be known only later. */
  engagementUrl: ServiceUrl;
  /**
   * How often due absence timers are looked for besides the wake-up at the earliest due time (a
   * safety net); 0 only on request. Default 30000 ms.
   */
  absencePollMs?: number;
  /** How often accepted referrals the ledger has not recorded are sent again (0: only on request). Default 60000 ms. */
  referralSweepIntervalMs?: number;
  /** Time zone and currency until a marketer sets them. Default UTC and EUR. */
  program?: ProgramSettings;
  /**
   * How often the purchase history reads new ledger events without a `NOTIFY` from the ledger (a
   * safety net); 0 only on request. Default 30000 ms.
   */
  historyIntervalMs?: number;
  /** The campaign engine's "now" for previews and offers (the ledger passes its own time with claims). */
  clock?: () => Date;
}

export interface RunningCampaign extends RunningSubgraph {
  history: PurchaseHistory;
  /** The view of the profile's attributes and consent that segments read. */
  memberProfiles: MemberProfiles;
  /** The messages members were sent and their responses, that segments read. */
  memberMessages: MemberMessages;
  /** Custom events counted for segments and paid by EVENT campaigns. */
  customEvents: CustomEvents;
  /** Fires due absence timers. */
  absenceScheduler: AbsenceScheduler;
  /** Starts absence timers from the profile's custom events. */
  absenceStarts: AbsenceStarts;
  /** The campaign's rules kept in memory, dropped on every change (here or heard from another process). */
  rules: RuleCache;
  /** Sends the ledger accepted referrals it has not recorded (it was away when they were made). */
  referralSweep: PeriodicJob<{ recorded: number; failed: number }>;
}

/**
 * Starts the campaign subgraph: earn rates, campaigns, the quote engine, segments, offers,
 * simulations, badges, leaderboards and referrals.
 */
export async function startCampaignSubgraph(options: CampaignOptions): Promise<RunningCampaign> {
  const credential = new InternalCredential('campaign', options.auth.internalSecret);
  const program = options.program ?? defaultProgramSettings;
  const logger = options.logger.child({ service: 'campaign' });
  const ledgerUrl = urlSource(options.ledgerUrl);
  const clock = options.clock ?? (() => new Date());
  const ledgerAwards = new LedgerAwards(ledgerUrl, credential);
  const absenceScheduler = new AbsenceScheduler(
    options.db,
    ledgerAwards,
    new RewardGrants(urlSource(options.rewardsUrl), credential),
    clock,
    logger.child({ job: 'absence-triggers' }),
  );
  const armAt = (dueAt: Date) => absenceScheduler.armAt(dueAt);
  const profiles = new ProfileFacts(urlSource(options.profileUrl), credential);
  const leaderboards = new LeaderboardService(options.db, profiles);
  const awards = new BadgeAwards(options.db, ledgerAwards, logger.child({ job: 'badge-awards' }));
  // Badges and leaderboards follow the same ledger events, in the same transactions as the history.
  const history = new PurchaseHistory(
    options.db,
    followedOutbox(
      options.eventTransport,
      'ledger',
      historyConsumer,
      () => new UpstreamOutbox(ledgerUrl, ledgerEventsField, credential, 'ledger service'),
    ),
    program,
    logger.child({ job: 'purchase-history' }),
    [new BadgeTracker(program, awards), leaderboards, new AbsencePurchases(clock, armAt)],
    options.eventTransport,
  );
  const absenceStarts = createAbsenceStarts({
    db: options.db,
    profileUrl: urlSource(options.profileUrl),
    credential,
    logger: logger.child({ job: 'absence-starts' }),
    onDue: armAt,
    eventTransport: options.eventTransport,
  });
  const memberProfiles = createMemberProfiles({
    db: options.db,
    profileUrl: urlSource(options.profileUrl),
    credential,
    logger: logger.child({ job: 'member-profiles' }),
    eventTransport: options.eventTransport,
  });
  const memberMessages = createMemberMessages({
    db: options.db,
    engagementUrl: urlSource(options.engagementUrl),
    credential,
    logger: logger.child({ job: 'member-messages' }),
    eventTransport: options.eventTransport,
  });
  const rules = new RuleCache(options.db, program, logger.child({ job: 'rule-cache' }));
  const ledgerFacts = new LedgerQuoteFacts(ledgerUrl, credential);
  const services = {
    db: options.db,
    earnRates: new EarnRateService(options.db, rules),
    campaigns: new CampaignService(options.db, rules),
    quotes: new QuoteService(options.db, rules, profiles, ledgerFacts, clock),
    history,
    segments: new SegmentService(options.db, rules),
    audiences: new AudienceService(options.db),
    simulations: new SimulationService(options.db, logger.child({ job: 'simulation' }), profiles),
    badges: new BadgeService(options.db),
    leaderboards,
    absenceTriggers: new AbsenceTriggerService(options.db, clock),
    absenceScheduler,
    referrals: new ReferralService(
      options.db,
      rules,
      profiles,
      ledgerFacts,
      ledgerAwards,
      defaultReferralProgram,
      clock,
    ),
  };
  const referralSweep = new PeriodicJob(
    'referral sweep',
    () => services.referrals.recordUnrecorded(),
    logger.child({ job: 'referral-sweep' }),
  );
  const customEvents = new CustomEvents({
    db: options.db,
    profileUrl: urlSource(options.profileUrl),
    credential,
    quotes: services.quotes,
    ledger: ledgerAwards,
    badges: new EventBadgeTracker(program, awards),
    logger: logger.child({ job: 'custom-events' }),
    eventTransport: options.eventTransport,
  });
  const subgraph = await startSubgraph(
    {
      name: 'campaign',
      migrationsDir: campaignMigrationsDir,
      schema: await buildCampaignSchema(),
      createContext: (input) => createCampaignContext(services, input),
    },
    options,
  );
  await rules.start();
  await history.start(options.historyIntervalMs ?? defaultHistoryIntervalMs);
  // Woken by the profile's NOTIFY; the interval is only the safety net.
  await memberProfiles.start(defaultHistoryIntervalMs);
  await memberMessages.start(defaultHistoryIntervalMs);
  await customEvents.job.start(defaultHistoryIntervalMs);
  await absenceStarts.start(defaultHistoryIntervalMs);
  await absenceScheduler.start(options.absencePollMs ?? defaultAbsencePollMs);
  await referralSweep.start(options.referralSweepIntervalMs ?? 60_000);
  return {
    ...subgraph,
    history,
    memberProfiles,
    memberMessages,
    customEvents,
    absenceScheduler,
    absenceStarts,
    rules,
    referralSweep,
    async stop() {
      await Promise.all([
        referralSweep.stop(),
        rules.stop(),
        subgraph.stop(),
        history.stop(),
        memberProfiles.stop(),
        memberMessages.stop(),
        customEvents.job.stop(),
        absenceStarts.stop(),
        absenceScheduler.stop(),
      ]);
    },
  };
}
