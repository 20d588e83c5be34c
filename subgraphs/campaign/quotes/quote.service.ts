import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import {
  CampaignTrigger,
  isRunning,
  type ActivityKind,
  type CampaignRule,
  type CustomerFacts,
} from '../campaigns/campaign.rules';
import { campaignStore, type CampaignRecord } from '../campaigns/campaign.store';
import { inHoldout } from '../campaigns/holdout.rules';
import { claimStore, type ClaimRecord } from '../claims/claim.store';
import { usageOf, type Grant } from '../limits/usage.rules';
import { rankOffers, type RankedOffer } from '../offers/offer.rules';
import { programStore } from '../program/program.store';
import type { ProgramSettings } from '../program/programSettings';
import { builtInSegments, type SegmentDefinition } from '../segments/segment.rules';
import { segmentMembershipStore } from '../segments/segmentMembership.store';
import { segmentStore, type StoredStats } from '../segments/segment.store';
import type { RuleCache, Rules } from './ruleCache';
import { appendEvent, outboxHead, type NewEvent } from '../../../runtime/events/outbox';
import { UpstreamError } from '../../../runtime/http/graphqlRequest';
import { campaignEvents } from '../contract/events';
import { CampaignError, CampaignErrorKind } from '../errors';
import type { LedgerQuoteFacts } from '../upstream/ledgerQuoteFacts';
import type { ProfileFacts } from '../upstream/profileFacts';
import { customEventStore, type PendingCustomEvent } from '../customEvents/customEvent.store';
import { onceValueOf } from '../customEvents/eventTrigger.rules';
import {
  quoteActivity,
  quoteEvent,
  quoteOrder,
  type CampaignSituation,
  type EarnRate,
  type Quote,
  type QuoteOrder,
  type RuleUsage,
} from './quote.engine';

/** Purchase facts the ledger knows exactly (under the member's account lock) and passes with a claim. */
export interface PurchaseHistoryFacts {
  purchasesBefore: number;
  channelsBefore: readonly string[];
}

/** A purchase as the ledger will claim it: the order, the member's tier on it and their history. */
export interface PurchaseToQuote {
  order: QuoteOrder;
  tier: QuoteOrder['tier'];
  history: PurchaseHistoryFacts;
  at: Date;
}

export interface PurchaseClaim extends PurchaseToQuote {
  /** The ledger's idempotency key of the purchase. */
  key: string;
}

/** One claim's answer in a list of claims: its quote, or what it failed with. */
export type ClaimOutcome = { ok: true; quote: Quote } | { ok: false; error: unknown };

export interface ActivityClaim {
  key: string;
  customerId: string;
  kind: ActivityKind;
  channel: string;
  tier: string | null;
  at: Date;
}

/** The claim key of a custom event's points (the profile's event id). */
export const eventClaimKey = (eventId: string): string => `event:${eventId}`;

const hasLimits = (rule: CampaignRule): boolean =>
  rule.limits.budgetPoints !== null ||
  rule.limits.perCustomerGrants !== null ||
  rule.limits.perCustomerPoints !== null ||
  rule.audience.firstPurchase ||
  rule.audience.firstPurchaseInChannel ||
  // "Once per" values are taken under the campaign's lock, as caps are.
  !!rule.eventTrigger?.oncePer;

/**
 * What a claim reads besides its grants: the program, the scheduled campaigns, the custom segments
 * and the earn rates, from the process's rule cache as of the first saved-claim read of the request
 * (see RuleCache.asOf), each taken when a claim first asks for it and then kept, so the claims of
 * one request (the ledger's chunk of purchases) see the same rules. A list of claims (`prefetch`)
 * also reads its saved claims and its members' figures in one statement each; each of those is
 * handed to the first claim of its key or member alone, and a later claim of the same key or member
 * reads its own, as it would after the first. Budgets and caps are still taken under lock, per claim.
 */
export class ClaimReads {
  private rules: Promise<Rules> | undefined;
  private setupRead: Promise<[ProgramSettings, CampaignRecord[]]> | undefined;
  private customRead: Promise<SegmentDefinition[]> | undefined;
  private readonly rates = new Map<string, Promise<EarnRate | undefined>>();
  private readonly savedClaims = new Map<string, Promise<ClaimRecord | undefined>>();
  private readonly memberStats = new Map<string, Promise<StoredStats | undefined>>();

  constructor(
    private readonly db: Database,
    private readonly cache: RuleCache,
  ) {}

  setup(): Promise<[ProgramSettings, CampaignRecord[]]> {
    this.setupRead ??= quiet(this.currentRules().then((rules) => Promise.all([rules.program(), rules.scheduled()])));
    return this.setupRead;
  }

  custom(): Promise<SegmentDefinition[]> {
    this.customRead ??= quiet(this.currentRules().then((rules) => rules.custom()));
    return this.customRead;
  }

  /** Reads the saved claims of `keys` and the figures of `customerIds`, one statement each, for claims to come. */
  prefetch(keys: readonly string[], customerIds: readonly string[]): void {
    const newKeys = [...new Set(keys)].filter((key) => !this.savedClaims.has(key));
    const newIds = [...new Set(customerIds)].filter((id) => !this.memberStats.has(id));
    if (newKeys.length > 0) {
      const found = this.findClaims(newKeys);
      for (const key of newKeys) this.savedClaims.set(key, quiet(found.then((claims) => claims.get(key))));
    }
    if (newIds.length > 0) {
      const found = segmentStore.statsOf(this.db, newIds);
      for (const id of newIds) this.memberStats.set(id, quiet(found.then((stats) => stats.get(id))));
    }
  }

  /** The claim saved under `key`: prefetched for the first claim of the key, else read now. */
  savedClaim(key: string): Promise<ClaimRecord | undefined> {
    const read = this.savedClaims.get(key);
    this.savedClaims.delete(key);
    return read ?? this.findClaims([key]).then((claims) => claims.get(key));
  }

  /** The member's figures: prefetched for the member's first claim, else read now. */
  stats(customerId: string): Promise<StoredStats | undefined> {
    const read = this.memberStats.get(customerId);
    this.memberStats.delete(customerId);
    return read ?? segmentStore.statsOf(this.db, [customerId]).then((all) => all.get(customerId));
  }

  rate(currency: string): Promise<EarnRate | undefined> {
    let rate = this.rates.get(currency);
    if (!rate) {
      rate = quiet(this.currentRules().then((rules) => rules.rate(currency)));
      this.rates.set(currency, rate);
    }
    return rate;
  }

  /** Saved claims, with the outbox head that says which rules they may be quoted with (the first read's). */
  private findClaims(keys: readonly string[]): Promise<Map<string, ClaimRecord>> {
    const found = claimStore.findManyAsOfOutbox(this.db, keys);
    this.rules ??= quiet(found.then(({ outboxHead }) => this.cache.asOf(outboxHead)));
    return found.then(({ claims }) => claims);
  }

  /** The rules as of the request's first saved-claim read (a read of the outbox head if it made none yet). */
  private currentRules(): Promise<Rules> {
    this.rules ??= quiet(outboxHead(this.db, 'campaign').then((head) => this.cache.asOf(head)));
    return this.rules;
  }
}

/** A read started before it is awaited: a failure is its awaiter's, never an unhandled rejection. */
function quiet<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

interface MemberData {
  stats: StoredStats | undefined;
  custom: SegmentDefinition[];
}

/** The campaigns granting at `at`, less those whose random holdout this member is in. */
const runningFor = (
  rules: readonly CampaignRecord[],
  customerId: string,
  timeZone: string,
  at: Date,
): CampaignRecord[] => rules.filter((rule) => isRunning(rule, timeZone, at) && !inHoldout(rule, customerId));

const fingerprintOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** The one quote of a purchase, previewed or claimed: the order earns with the member's tier. */
const quotePurchase = (purchase: PurchaseToQuote, rate: EarnRate | undefined, situation: CampaignSituation): Quote =>
  quoteOrder({ ...purchase.order, tier: purchase.tier ?? null }, rate, situation);

/**
 * Quotes purchases and activities with every running campaign: previews for storefronts (nothing
 * reserved) and claims for the ledger, which take from campaign budgets and per-customer caps under
 * the campaigns' row locks, so racing purchases never overspend. A claim that takes from a campaign
 * with limits is saved and idempotent by its key (a claim with the same key but other facts
 * replaces the first and hands back what it took); a claim that takes from none writes nothing.
 */
export class QuoteService {
  constructor(
    private readonly db: Database,
    private readonly rules: RuleCache,
    private readonly profiles: ProfileFacts,
    private readonly ledger: LedgerQuoteFacts,
    readonly clock: () => Date,
  ) {}

  /** Reads for claims made together (one request's), each read once; see ClaimReads. */
  claimReads(): ClaimReads {
    return new ClaimReads(this.db, this.rules);
  }

  program(): Promise<ProgramSettings> {
    return this.rules.program();
  }

  /** Saves the program's time zone and currency and records `CampaignProgramChanged`. */
  async setProgram(settings: ProgramSettings, actor: NewEvent['actor']): Promise<void> {
    await this.db.transaction(async (tx) => {
      await programStore.save(tx, settings);
      await appendEvent(tx, 'campaign', campaignEvents.CampaignProgramChanged.event('program', settings, actor));
    });
    this.rules.changed();
  }

  /**
   * What an order would earn at `at` (default now): quoted with the tier and purchase history the
   * ledger will claim it with, so the purchase that follows at that moment earns the same lines.
   */
  async preview(order: QuoteOrder, at: Date = this.clock()): Promise<Quote> {
    const [program, rate, rules, purchase] = await Promise.all([
      this.program(),
      this.rules.rate(order.currency),
      this.rules.scheduled(),
      this.asTheLedgerWillClaim(order, at),
    ]);
    const { customerId } = purchase.order;
    const running = runningFor(rules, customerId, program.timeZone, at);
    const facts = await this.facts(customerId, purchase.tier?.name ?? null, purchase.history, running, at);
    const [grants, spent] = await this.grantsAndSpent(this.db, customerId, running);
    const usage = this.usage(running, grants, at, program.timeZone, spent);
    return quotePurchase(purchase, rate, { rules: running, facts, timeZone: program.timeZone, at, usage });
  }

  /** The order with the member's account, tier and history as the ledger knows them now. */
  private async asTheLedgerWillClaim(order: QuoteOrder, at: Date): Promise<PurchaseToQuote> {
    try {
      const member = await this.ledger.of(order.customerId);
      return {
        order: { ...order, customerId: member.customerId },
        tier: member.tier,
        history: { purchasesBefore: member.purchasesBefore, channelsBefore: member.channelsBefore },
        at,
      };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      throw new CampaignError(
        CampaignErrorKind.UpstreamUnavailable,
        "The ledger did not tell the member's tier; ask for the quote again",
        {},
        { cause: error },
      );
    }
  }

  /** `reads`: shared with the other claims of the request (default: read for this claim alone). */
  claimPurchase(claim: PurchaseClaim, reads: ClaimReads = this.claimReads()): Promise<Quote> {
    const { order } = claim;
    const fingerprint = fingerprintOf([
      order.customerId,
      order.channel,
      order.storeId ?? null,
      order.currency,
      order.lines.map((line) => [line.sku, line.category ?? null, line.quantity, line.unitPrice]),
      claim.tier ?? null,
      // Only these two facts of the history change a quote, so a retry with a longer history is the same claim.
      claim.history.purchasesBefore === 0,
      claim.history.channelsBefore.includes(order.channel),
    ]);
    return this.claim(
      reads,
      claim.key,
      order.customerId,
      fingerprint,
      claim.at,
      async (running, facts, usage, program) =>
        // Earn rates are not limits, so not read under lock; from the rules the claim's reads chose.
        quotePurchase(claim, await reads.rate(order.currency), {
          rules: running,
          facts,
          timeZone: program.timeZone,
          at: claim.at,
          usage,
          now: this.clock(),
        }),
      claim.tier?.name ?? null,
      claim.history,
    );
  }

  /**
   * Claims purchases (one request's) one after another in order, each exactly as `claimPurchase`
   * would and each failure its own, with the saved claims and the members' figures read once for
   * all of them (see ClaimReads).
   */
  async claimPurchases(
    claims: readonly PurchaseClaim[],
    reads: ClaimReads = this.claimReads(),
  ): Promise<ClaimOutcome[]> {
    reads.prefetch(
      claims.map((claim) => claim.key),
      claims.map((claim) => claim.order.customerId),
    );
    const outcomes: ClaimOutcome[] = [];
    for (const claim of claims) {
      try {
        outcomes.push({ ok: true, quote: await this.claimPurchase(claim, reads) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  claimActivity(claim: ActivityClaim, reads: ClaimReads = this.claimReads()): Promise<Quote> {
    const fingerprint = fingerprintOf([claim.customerId, claim.kind, claim.channel, claim.tier]);
    return this.claim(
      reads,
      claim.key,
      claim.customerId,
      fingerprint,
      claim.at,
      async (running, facts, usage, program) =>
        quoteActivity(
          { kind: claim.kind, channel: claim.channel },
          {
            rules: running.filter((rule) => rule.trigger === CampaignTrigger.ACTIVITY),
            facts,
            timeZone: program.timeZone,
            at: claim.at,
            usage,
            now: this.clock(),
          },
        ),
      claim.tier,
      null,
    );
  }

  /**
   * What a custom event earns from the EVENT campaigns, claimed as an activity is (caps, budgets,
   * schedules and channels judged at its `occurredAt`), idempotent by the event's id; a campaign
   * rewarding "once per" a property takes the event's value under the campaign's lock.
   */
  claimEvent(event: PendingCustomEvent, reads: ClaimReads = this.claimReads()): Promise<Quote> {
    const tracked = { type: event.type, properties: event.properties, channel: event.channel };
    const fingerprint = fingerprintOf([event.customerId, event.type, event.properties, event.channel]);
    const onceValues = (rules: readonly CampaignRule[]) =>
      rules.flatMap((rule) => {
        const value = rule.eventTrigger ? onceValueOf(rule.eventTrigger, tracked) : null;
        return typeof value === 'string' ? [{ campaignId: rule.id, value }] : [];
      });
    return this.claim(
      reads,
      eventClaimKey(event.eventId),
      event.customerId,
      fingerprint,
      event.occurredAt,
      async (running, facts, usage, program, db) => {
        const rules = running.filter((rule) => rule.trigger === CampaignTrigger.EVENT);
        const taken = await customEventStore.onceTaken(db, event.customerId, event.eventId, onceValues(rules));
        return quoteEvent(
          tracked,
          { rules, facts, timeZone: program.timeZone, at: event.occurredAt, usage, now: this.clock() },
          taken,
        );
      },
      null,
      null,
      async (tx, quote) => {
        const granted = new Set(quote.lines.map((line) => line.campaignId));
        const rules = (await reads.setup())[1].filter((rule) => granted.has(rule.id));
        for (const { campaignId, value } of onceValues(rules))
          await customEventStore.takeOnce(tx, campaignId, event.customerId, value, event.eventId);
      },
    );
  }

  /** The campaigns a member can benefit from now or within a week, ranked for them. */
  async offersFor(customerId: string, at: Date = this.clock()): Promise<RankedOffer[]> {
    const [program, scheduled] = await Promise.all([this.program(), this.rules.scheduled()]);
    const rules = scheduled.filter((rule) => !inHoldout(rule, customerId));
    const facts = await this.facts(customerId, null, null, rules, at);
    const [grants, spent] = await this.grantsAndSpent(this.db, customerId, rules);
    return rankOffers(rules, facts, this.usage(rules, grants, at, program.timeZone, spent), program.timeZone, at);
  }

  /** The member as campaigns see them: tier, segments, purchase history, enrollment. */
  async facts(
    customerId: string,
    tier: string | null,
    history: PurchaseHistoryFacts | null,
    running: readonly CampaignRule[],
    at: Date,
    known: Promise<MemberData> = this.memberData(customerId),
  ): Promise<CustomerFacts> {
    const { stats, custom } = await known;
    let enrolledAt = stats?.enrolledAt ?? null;
    if (!enrolledAt && running.some((rule) => rule.audience.newMemberWithinDays !== null)) {
      enrolledAt = await this.profiles.enrolledAt(customerId);
      if (enrolledAt) await segmentStore.rememberEnrollment(this.db, customerId, enrolledAt);
    }
    // Only the segments a running campaign targets matter, so a quote with none asks nothing more.
    const targeted = new Set(running.flatMap((rule) => rule.audience.segments));
    const [segments = []] = await segmentMembershipStore.segmentsAt(
      this.db,
      [...builtInSegments, ...custom].filter((segment) => targeted.has(segment.key)),
      [{ customerId, at }],
    );
    return {
      tier: tier ?? stats?.tier ?? null,
      purchasesBefore: history?.purchasesBefore ?? stats?.purchaseCount ?? 0,
      channelsBefore: history?.channelsBefore ?? stats?.channels ?? [],
      segments,
      enrolledAt,
    };
  }

  /** The member's figures and the custom segments, from `reads` (default: read now, for this member alone). */
  private memberData(customerId: string, reads: ClaimReads = this.claimReads()): Promise<MemberData> {
    return Promise.all([reads.stats(customerId), reads.custom()]).then(([stats, custom]) => ({ stats, custom }));
  }

  /**
   * The member's grants of the limited campaigns among `rules`, and what those with a budget have
   * spent, read now (a cached campaign's spending is not kept up to date).
   */
  private grantsAndSpent(
    db: Queryable,
    customerId: string,
    rules: readonly CampaignRecord[],
  ): Promise<[Grant[], Map<string, number>]> {
    const limited = rules.filter(hasLimits);
    return Promise.all([
      claimStore.customerGrants(
        db,
        customerId,
        limited.map((rule) => rule.id),
      ),
      campaignStore.spentOf(
        db,
        limited.filter((rule) => rule.limits.budgetPoints !== null).map((rule) => rule.id),
      ),
    ]);
  }

  /** `spent`: what the campaigns with a budget have spent, read for this quote (see grantsAndSpent). */
  private usage(
    rules: readonly CampaignRecord[],
    grants: readonly Grant[],
    at: Date,
    timeZone: string,
    spent: ReadonlyMap<string, number>,
  ): Map<string, RuleUsage> {
    return new Map(
      rules.filter(hasLimits).map((rule) => [rule.id, usageOf(rule, spent.get(rule.id) ?? 0, grants, at, timeZone)]),
    );
  }

  private async claim(
    reads: ClaimReads,
    key: string,
    customerId: string,
    fingerprint: string,
    at: Date,
    quote: (
      running: CampaignRecord[],
      facts: CustomerFacts,
      usage: Map<string, RuleUsage>,
      program: ProgramSettings,
      db: Queryable,
    ) => Promise<Quote>,
    tier: string | null,
    history: PurchaseHistoryFacts | null,
    saved?: (tx: Queryable, quote: Quote) => Promise<void>,
  ): Promise<Quote> {
    // Everything a claim reads, read at once: most claims are answered by these reads alone. The
    // saved claim's statement comes first: it says which rules the claim may be quoted with.
    const savedRead = reads.savedClaim(key);
    const setup = reads.setup();
    const member = quiet(this.memberData(customerId, reads));
    const existing = await savedRead;
    if (existing && existing.fingerprint === fingerprint) return existing.quote;
    const [program, rules] = await setup;
    const running = runningFor(rules, customerId, program.timeZone, at);
    const facts = await this.facts(customerId, tier, history, running, at, member);
    const limited = new Set(running.filter(hasLimits).map((rule) => rule.id));
    if (!existing) {
      // Unlocked, what it would earn is an upper bound (grants only grow); when no line of it comes
      // from a campaign with a budget or caps, there is nothing to reserve, and nothing to write.
      const [grants, spent] = await this.grantsAndSpent(this.db, customerId, running);
      const draft = await quote(
        running,
        facts,
        this.usage(running, grants, at, program.timeZone, spent),
        program,
        this.db,
      );
      if (!draft.lines.some((line) => line.campaignId && limited.has(line.campaignId))) return draft;
    }
    return this.db.transaction(async (tx) => {
      await claimStore.lockKey(tx, key);
      const current = await claimStore.find(tx, key);
      if (current && current.fingerprint === fingerprint) return current.quote;
      const previous = current ? await claimStore.grantsOfClaim(tx, key) : [];
      const limitedIds = [...new Set([...limited, ...previous.map((g) => g.campaignId)])];
      const spent = await campaignStore.lockSpent(tx, limitedIds);
      if (current) {
        // The same purchase asked again with other facts: hand back what the first claim took.
        await claimStore.removeGrants(tx, key);
        for (const grant of previous) {
          await campaignStore.addSpent(tx, grant.campaignId, -grant.points);
          spent.set(grant.campaignId, (spent.get(grant.campaignId) ?? 0) - grant.points);
        }
      }
      const grants = await claimStore.customerGrants(tx, customerId, limitedIds);
      const result = await quote(running, facts, this.usage(running, grants, at, program.timeZone, spent), program, tx);
      await claimStore.save(tx, { key, customerId, fingerprint, quote: result });
      await saved?.(tx, result);
      for (const line of result.lines) {
        if (!line.campaignId || !limited.has(line.campaignId)) continue;
        await claimStore.addGrant(tx, key, customerId, {
          campaignId: line.campaignId,
          points: line.points,
          grantedAt: at,
        });
        await campaignStore.addSpent(tx, line.campaignId, line.points);
      }
      return result;
    });
  }
}
