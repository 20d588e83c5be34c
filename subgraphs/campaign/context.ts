import DataLoader from 'dataloader';
import type { AuthContext } from '../../runtime/auth/authorize';
import type { Database } from '../../runtime/database/database';
import type { ContextInput } from '../../runtime/server/startSubgraph';
import type { AbsenceScheduler } from './absence/absenceScheduler';
import type { AbsenceTriggerService } from './absence/absenceTrigger.service';
import { absenceTriggerStore, type TimerCounts } from './absence/absenceTrigger.store';
import type { BadgePurchase } from './badges/badge.rules';
import type { BadgeService } from './badges/badge.service';
import { badgeStore, type BadgeCompletion, type BadgeCustomEvent, type BadgeRecord } from './badges/badge.store';
import type { CampaignService } from './campaigns/campaign.service';
import type { EarnRateService } from './earning/earnRate.service';
import type { EarnRateRecord } from './earning/earnRate.store';
import type { LeaderboardService } from './leaderboards/leaderboard.service';
import { leaderboardStore, type Membership } from './leaderboards/leaderboard.store';
import type { ClaimReads, QuoteService } from './quotes/quote.service';
import type { PurchaseHistory } from './segments/purchaseHistory';
import type { ReferralService } from './referrals/referral.service';
import type { AudienceService } from './segments/audience.service';
import { audienceStore } from './segments/audience.store';
import type { SegmentService } from './segments/segment.service';
import { segmentStore, type StoredStats } from './segments/segment.store';
import { segmentMembershipStore } from './segments/segmentMembership.store';
import type { SimulationService } from './simulation/simulation.service';
import { readReplica } from '../../runtime/database/readReplica';

export interface CampaignServices {
  db: Database;
  earnRates: EarnRateService;
  campaigns: CampaignService;
  quotes: QuoteService;
  history: PurchaseHistory;
  segments: SegmentService;
  audiences: AudienceService;
  simulations: SimulationService;
  badges: BadgeService;
  leaderboards: LeaderboardService;
  absenceTriggers: AbsenceTriggerService;
  absenceScheduler: AbsenceScheduler;
  referrals: ReferralService;
}

export interface CampaignContext extends CampaignServices, AuthContext {
  /** What the request's claims read besides each claim's member, read once for all of them (a batch). */
  claimReads: ClaimReads;
  loaders: {
    /** The whole rate table, read once per request (keyed by the constant 'all'). */
    earnRates: DataLoader<'all', EarnRateRecord[]>;
    /** Every member's figures, read once per request however many campaigns or segments ask. */
    allStats: DataLoader<'all', StoredStats[]>;
    /** Every segment's members now, in one statement however many segments ask. */
    segmentMembers: DataLoader<'all', Map<string, string[]>>;
    /** The keys of the segments each customer is in now, one statement for every customer of a request. */
    customerSegments: DataLoader<string, string[]>;
    /** Members per static audience, one query for every audience of a request. */
    audienceMembers: DataLoader<string, number>;
    /** Per-customer figures, one query for every customer of a request. */
    stats: DataLoader<string, StoredStats | undefined>;
    /** The badge catalog, retired badges included, read once per request. */
    badges: DataLoader<'all', BadgeRecord[]>;
    badgeCompletionCounts: DataLoader<'all', Map<string, number>>;
    badgeCompletions: DataLoader<string, BadgeCompletion[]>;
    /** Per customer, the purchases since the oldest badge was defined. */
    badgePurchases: DataLoader<string, BadgePurchase[]>;
    /** Per customer, the custom events of the types CUSTOM_EVENT badges count, since the oldest was defined. */
    badgeEvents: DataLoader<string, BadgeCustomEvent[]>;
    leaderboardMemberships: DataLoader<string, Membership | undefined>;
    /** Timers per absence trigger, one query for every trigger of a request. */
    absenceTimerCounts: DataLoader<string, TimerCounts>;
  };
}

export function createCampaignContext(services: CampaignServices, { principal }: ContextInput): CampaignContext {
  const badges = new DataLoader<'all', BadgeRecord[]>(async (keys) => {
    const all = await services.badges.all();
    return keys.map(() => all);
  });
  return {
    ...services,
    principal,
    claimReads: services.quotes.claimReads(),
    loaders: {
      earnRates: new DataLoader(async (keys) => {
        const all = await services.earnRates.all();
        return keys.map(() => all);
      }),
      allStats: new DataLoader(async (keys) => {
        const all = await segmentStore.allStats(services.db);
        return keys.map(() => all);
      }),
      segmentMembers: new DataLoader(async (keys) => {
        const segments = await segmentStore.all(services.db);
        // Every segment evaluated over every member (counts, performance): on the read replica, when
        // there is one, with the definitions from the primary (a segment just saved is counted).
        const members = await segmentMembershipStore.membersOf(
          readReplica(services.db),
          segments,
          services.quotes.clock(),
        );
        return keys.map(() => members);
      }),
      customerSegments: new DataLoader(async (ids) => {
        const segments = await segmentStore.all(services.db);
        const at = services.quotes.clock();
        return segmentMembershipStore.segmentsAt(
          services.db,
          segments,
          ids.map((customerId) => ({ customerId, at })),
        );
      }),
      audienceMembers: new DataLoader(async (keys) => {
        const found = await audienceStore.memberCounts(services.db, keys);
        return keys.map((key) => found.get(key) ?? 0);
      }),
      stats: new DataLoader(async (ids) => {
        const found = await segmentStore.statsOf(services.db, ids);
        return ids.map((id) => found.get(id));
      }),
      badges,
      badgeCompletionCounts: new DataLoader(async (keys) => {
        const counts = await badgeStore.completionCounts(services.db);
        return keys.map(() => counts);
      }),
      badgeCompletions: new DataLoader(async (ids) => {
        const all = await badgeStore.completionsOf(services.db, ids);
        return ids.map((id) => all.filter((completion) => completion.customerId === id));
      }),
      badgePurchases: new DataLoader(async (ids) => {
        const catalog = await badges.load('all');
        if (catalog.length === 0) return ids.map(() => []);
        const since = new Date(Math.min(...catalog.map((badge) => badge.countsFrom.getTime())));
        const found = await badgeStore.purchasesOf(services.db, ids, since);
        return ids.map((id) => found.get(id) ?? []);
      }),
      badgeEvents: new DataLoader(async (ids) => {
        const catalog = (await badges.load('all')).filter((badge) => badge.rule.eventTrigger);
        if (catalog.length === 0) return ids.map(() => []);
        const since = new Date(Math.min(...catalog.map((badge) => badge.countsFrom.getTime())));
        const types = [...new Set(catalog.map((badge) => badge.rule.eventTrigger!.eventType))];
        const found = await badgeStore.eventsOf(services.db, ids, types, since);
        return ids.map((id) => found.get(id) ?? []);
      }),
      leaderboardMemberships: new DataLoader(async (ids) => {
        const found = await leaderboardStore.membershipsOf(services.db, ids);
        return ids.map((id) => found.get(id));
      }),
      absenceTimerCounts: new DataLoader(async (keys) => {
        const counts = await absenceTriggerStore.counts(services.db, keys);
        return keys.map((key) => counts.get(key)!);
      }),
    },
  };
}
