import type { Database, Queryable } from '../../../runtime/database/database';
import { eventsChannel, noticeId, noticeTypes, outboxHead } from '../../../runtime/events/outbox';
import type { Logger } from '../../../runtime/logging/logger';
import { campaignStore, type CampaignRecord } from '../campaigns/campaign.store';
import { campaignEvents } from '../contract/events';
import { earnRateStore } from '../earning/earnRate.store';
import { programStore } from '../program/program.store';
import type { ProgramSettings } from '../program/programSettings';
import type { SegmentDefinition } from '../segments/segment.rules';
import { segmentStore } from '../segments/segment.store';
import type { EarnRate } from './quote.engine';

/** The campaign's events that change a definition the cache holds; every mutation of one writes one. */
export const ruleChangeEvents: readonly string[] = [
  campaignEvents.CampaignCreated,
  campaignEvents.CampaignUpdated,
  campaignEvents.CampaignScheduled,
  campaignEvents.CampaignPaused,
  campaignEvents.CampaignEnded,
  campaignEvents.EarnRateChanged,
  campaignEvents.CampaignProgramChanged,
  campaignEvents.SegmentDefined,
  campaignEvents.SegmentRemoved,
].map((contract) => contract.type);

/**
 * The campaign's nearly static rules, read once per process instead of once per claim (issue 27):
 * the program settings, the scheduled campaigns, the custom segments and the earn rates. Never a
 * member's figures, grants, caps or budget spending, which claims read themselves (a cached
 * campaign's `spentPoints` is not to be used).
 *
 * Definitions are dropped by a mutation of this process once it committed and before it answers
 * (`changed`), and on the `NOTIFY` of a rule-changing event of the campaign's outbox (written in the
 * change's transaction) for the other processes on the database; a read in flight when they are
 * dropped is not kept. A claim passes the id of the outbox's last committed event, read in a
 * statement it makes anyway (`asOf`): unless every event up to it has been heard, the claim reads
 * the rules itself, so a claim never uses rules older than a change committed before it started,
 * in any process, even while notices are late or the listening connection is down. Until it
 * listens, and while its connection is lost, the cache keeps nothing.
 */
export class RuleCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  private listening = false;
  /** The last event id of the campaign's outbox this process has heard of (or read when it started listening). */
  private heardUpTo = 0;
  private unlisten: (() => Promise<void>) | undefined;
  private heard: Array<() => void> = [];

  constructor(
    private readonly db: Database,
    private readonly defaults: ProgramSettings,
    private readonly logger?: Logger,
  ) {}

  /** Starts listening to the campaign's outbox; until it does, the cache keeps nothing. */
  async start(): Promise<void> {
    try {
      this.unlisten = await this.db.listen(
        eventsChannel('campaign'),
        (payload) => this.hear(payload),
        () => {
          this.listening = false;
          this.changed();
        },
      );
      // Every event up to here committed before the listening began; anything kept from now on is newer.
      this.heardUpTo = Math.max(this.heardUpTo, await outboxHead(this.db, 'campaign'));
      this.listening = true;
    } catch (error) {
      // Cold, not wrong: claims read the rules as they did before the cache.
      this.logger?.warn('rule cache not listening; rules are read per claim', { error: (error as Error).message });
    }
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.changed();
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = undefined;
  }

  /** Forgets every definition: a change committed (here, or heard from another process). */
  changed(): void {
    this.entries.clear();
    for (const resolve of this.heard.splice(0)) resolve();
  }

  /** Resolves the next time the definitions are forgotten (tests wait on another process's notice). */
  nextChange(): Promise<void> {
    return new Promise((resolve) => this.heard.push(resolve));
  }

  /**
   * The rules for a claim that read `outboxHead` (the outbox's last event id): the cached ones when
   * every event up to it has been heard, else read now and not kept.
   */
  asOf(outboxHead: number): Rules {
    const fresh = this.listening && outboxHead <= this.heardUpTo;
    return fresh ? this : new RuleReads(this.db, this.defaults);
  }

  program(): Promise<ProgramSettings> {
    return this.kept('program', () => programStore.load(this.db, this.defaults));
  }

  /** The SCHEDULED campaigns, without their spending (read it per claim). */
  scheduled(): Promise<CampaignRecord[]> {
    return this.kept('scheduled', () => campaignStore.scheduled(this.db));
  }

  custom(): Promise<SegmentDefinition[]> {
    return this.kept('custom', () => segmentStore.custom(this.db));
  }

  async rate(currency: string): Promise<EarnRate | undefined> {
    // Every rate in one entry: a few currencies, and an unknown currency asked again reads nothing.
    const rates = await this.kept('rates', () => ratesOf(this.db));
    return rates.get(currency);
  }

  private hear(payload: string): void {
    const types = noticeTypes(payload);
    // An empty notice follows a reconnect: anything may have changed meanwhile.
    if (types === null || types.some((type) => ruleChangeEvents.includes(type))) this.changed();
    if (types === null) this.listening = true;
    const id = noticeId(payload);
    if (id !== null) this.heardUpTo = Math.max(this.heardUpTo, id);
  }

  private kept<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.listening) return load();
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const read = load();
    this.entries.set(key, read);
    // `changed` clears the map, so a read started before a change is never handed out after it.
    read.catch(() => {
      if (this.entries.get(key) === read) this.entries.delete(key);
    });
    return read;
  }
}

/** What a quote reads of the rules, kept (RuleCache) or read now (RuleReads). */
export interface Rules {
  program(): Promise<ProgramSettings>;
  scheduled(): Promise<CampaignRecord[]>;
  custom(): Promise<SegmentDefinition[]>;
  rate(currency: string): Promise<EarnRate | undefined>;
}

const ratesOf = async (db: Queryable) => new Map((await earnRateStore.all(db)).map((rate) => [rate.currency, rate]));

/** The rules read from the database as they are now, for a claim the cache cannot vouch for. */
class RuleReads implements Rules {
  constructor(
    private readonly db: Database,
    private readonly defaults: ProgramSettings,
  ) {}

  program(): Promise<ProgramSettings> {
    return programStore.load(this.db, this.defaults);
  }

  scheduled(): Promise<CampaignRecord[]> {
    return campaignStore.scheduled(this.db);
  }

  custom(): Promise<SegmentDefinition[]> {
    return segmentStore.custom(this.db);
  }

  rate(currency: string): Promise<EarnRate | undefined> {
    return earnRateStore.find(this.db, currency);
  }
}
