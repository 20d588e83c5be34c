import type { Database } from '../../../runtime/database/database';
import type { Logger } from '../../../runtime/logging/logger';
import {
  CampaignStatus,
  CampaignTrigger,
  type CampaignDefinition,
  type CampaignRule,
} from '../campaigns/campaign.rules';
import { earnRateStore } from '../earning/earnRate.store';
import { CampaignError, CampaignErrorKind } from '../errors';
import { usageOf, type Grant } from '../limits/usage.rules';
import type { ProgramSettings } from '../program/programSettings';
import { inHoldout } from '../campaigns/holdout.rules';
import { quoteOrder } from '../quotes/quote.engine';
import { segmentStore, type StoredStats } from '../segments/segment.store';
import { segmentMembershipStore } from '../segments/segmentMembership.store';
import { simulationStore, type PurchaseRow } from './simulation.store';

export interface SimulationResult {
  from: Date;
  to: Date;
  purchasesConsidered: number;
  purchasesRewarded: number;
  customersReached: number;
  pointsCost: number;
  /** When the budget would have run out, if it would have. */
  budgetExhaustedAt: Date | null;
}

/** When a member enrolled, as the profile subgraph says (upstream/profileFacts.ts). */
export interface EnrollmentSource {
  enrolledAt(customerId: string): Promise<Date | null>;
}

const batchSize = 1000;
/** Profile lookups in flight at once for members whose enrolment this subgraph has not seen yet. */
const enrollmentLookups = 8;
const maxDays = 731;
const simulatedId = '00000000-0000-0000-0000-000000000000';

/**
 * Replays past purchases (the ledger's, as this subgraph keeps them) through the quote engine with
 * one campaign, to show what it would have cost and whom it would have reached. The campaign is
 * simulated on its own: its schedule, audience, caps and budget apply, other campaigns do not.
 * Tiers are taken as they are now, segments at each purchase's time over what this subgraph knows now;
 * members of its holdout get nothing.
 */
export class SimulationService {
  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly enrollments: EnrollmentSource,
  ) {}

  async simulate(
    definition: CampaignDefinition,
    from: Date,
    to: Date,
    program: ProgramSettings,
    campaignId: string = simulatedId,
  ): Promise<SimulationResult> {
    if (definition.trigger !== CampaignTrigger.PURCHASE) {
      throw new CampaignError(
        CampaignErrorKind.InvalidCampaign,
        'Simulation replays purchases: it covers PURCHASE campaigns',
      );
    }
    if (!(from < to)) throw new CampaignError(CampaignErrorKind.InvalidCampaign, 'from must be before to');
    if (to.getTime() - from.getTime() > maxDays * 86_400_000) {
      throw new CampaignError(CampaignErrorKind.InvalidCampaign, `Simulate at most ${maxDays} days at once`);
    }
    const rule: CampaignRule = { ...definition, id: simulatedId, status: CampaignStatus.SCHEDULED };
    // A saved campaign holds out the same members it does live; a draft draws its own.
    const holdout = { id: campaignId, holdoutPercent: definition.holdoutPercent };
    const rates = new Map((await earnRateStore.all(this.db)).map((rate) => [rate.currency, rate]));
    const segments = (await segmentStore.all(this.db)).filter((segment) =>
      rule.audience.segments.includes(segment.key),
    );
    const stats = new Map<string, StoredStats | undefined>();
    const history = new Map<string, { purchases: number; channels: Set<string> }>();
    const grants = new Map<string, Grant[]>();
    const reached = new Set<string>();
    let spent = 0;
    let considered = 0;
    let rewarded = 0;
    let exhaustedAt: Date | null = null;
    let after: { at: Date; id: string } | null = null;

    for (;;) {
      const rows = await simulationStore.purchasesBetween(this.db, from, to, after, batchSize);
      if (rows.length === 0) break;
      await this.loadCustomers(rows, from, stats, history, rule.audience.newMemberWithinDays !== null);
      // Each purchase's segments at its own time (one statement for the batch).
      const segmentsThen = await segmentMembershipStore.segmentsAt(
        this.db,
        segments,
        rows.map((row) => ({ customerId: row.customer_id, at: row.occurred_at })),
      );
      for (const [index, row] of rows.entries()) {
        considered++;
        const past = history.get(row.customer_id)!;
        if (inHoldout(holdout, row.customer_id)) {
          past.purchases++;
          past.channels.add(row.channel);
          continue;
        }
        const customerStats = stats.get(row.customer_id);
        const mine = grants.get(row.customer_id) ?? [];
        const usage = new Map([[simulatedId, usageOf(rule, spent, mine, row.occurred_at, program.timeZone)]]);
        const quote = quoteOrder(
          {
            customerId: row.customer_id,
            channel: row.channel,
            storeId: row.store_id,
            currency: row.currency,
            lines: row.lines,
          },
          rates.get(row.currency),
          {
            rules: [rule],
            facts: {
              tier: customerStats?.tier ?? null,
              purchasesBefore: past.purchases,
              channelsBefore: [...past.channels],
              segments: segmentsThen[index]!,
              enrolledAt: customerStats?.enrolledAt ?? null,
            },
            timeZone: program.timeZone,
            at: row.occurred_at,
            usage,
          },
        );
        const points = quote.lines
          .filter((line) => line.campaignId === simulatedId)
          .reduce((sum, line) => sum + line.points, 0);
        if (points > 0) {
          rewarded++;
          spent += points;
          reached.add(row.customer_id);
          mine.push({ campaignId: simulatedId, points, grantedAt: row.occurred_at });
          grants.set(row.customer_id, mine);
          if (definition.limits.budgetPoints !== null && spent >= definition.limits.budgetPoints && !exhaustedAt) {
            exhaustedAt = row.occurred_at;
          }
        }
        past.purchases++;
        past.channels.add(row.channel);
      }
      const last: PurchaseRow = rows[rows.length - 1]!;
      after = { at: last.occurred_at, id: last.purchase_id };
      if (rows.length < batchSize) break;
      this.logger.info('simulating a campaign', { purchases: considered, pointsCost: spent });
    }
    return {
      from,
      to,
      purchasesConsidered: considered,
      purchasesRewarded: rewarded,
      customersReached: reached.size,
      pointsCost: spent,
      budgetExhaustedAt: exhaustedAt,
    };
  }

  /** Reads, for customers not seen yet, their figures and their purchases before the simulated range. */
  private async loadCustomers(
    rows: readonly PurchaseRow[],
    from: Date,
    stats: Map<string, StoredStats | undefined>,
    history: Map<string, { purchases: number; channels: Set<string> }>,
    needsEnrollment: boolean,
  ): Promise<void> {
    const fresh = [...new Set(rows.map((row) => row.customer_id))].filter((id) => !history.has(id));
    if (fresh.length === 0) return;
    const found = await segmentStore.statsOf(this.db, fresh);
    // This subgraph learns a member's enrolment when a live quote first needs it; a new-member
    // campaign simulated before then asks the profile, as a live quote would, and remembers it.
    if (needsEnrollment) await this.learnEnrollments(fresh, found);
    const before = await simulationStore.historiesBefore(this.db, fresh, from);
    const earlier = new Map(before.map((row) => [row.customer_id, row]));
    for (const id of fresh) {
      stats.set(id, found.get(id));
      const prior = earlier.get(id);
      history.set(id, { purchases: prior?.purchases ?? 0, channels: new Set(prior?.channels ?? []) });
    }
  }

  private async learnEnrollments(customerIds: readonly string[], found: Map<string, StoredStats>): Promise<void> {
    const unknown = customerIds.filter((id) => !found.get(id)?.enrolledAt);
    let next = 0;
    const worker = async () => {
      while (next < unknown.length) {
        const id = unknown[next++]!;
        const enrolledAt = await this.enrollments.enrolledAt(id);
        if (!enrolledAt) continue;
        await segmentStore.rememberEnrollment(this.db, id, enrolledAt);
        const known = found.get(id);
        found.set(id, known ? { ...known, enrolledAt } : { ...emptyStats(id), enrolledAt });
      }
    };
    await Promise.all(Array.from({ length: Math.min(enrollmentLookups, unknown.length) }, worker));
  }
}

/** A member this subgraph has no figures for yet: what campaign_stats holds for them before a purchase. */
function emptyStats(customerId: string): StoredStats {
  return {
    customerId,
    purchaseCount: 0,
    firstPurchaseAt: null,
    lastPurchaseAt: null,
    spend: 0,
    channels: [],
    tier: null,
    enrolledAt: null,
    recency: null,
    frequency: null,
    monetary: null,
  };
}
