import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { campaignEvents } from '../contract/events';
import type { EarnRate } from '../quotes/quote.engine';
import type { RuleCache } from '../quotes/ruleCache';
import { earnRateStore, type EarnRateRecord } from './earnRate.store';

export class EarnRateService {
  constructor(
    private readonly db: Database,
    private readonly rules: RuleCache,
  ) {}

  all(): Promise<EarnRateRecord[]> {
    return earnRateStore.all(this.db);
  }

  find(currency: string): Promise<EarnRateRecord | undefined> {
    return earnRateStore.find(this.db, currency);
  }

  /** Sets (or replaces) a currency's base rate; purchases quoted after this earn at the new rate. */
  async set(rate: EarnRate, actor: NewEvent['actor']): Promise<EarnRateRecord> {
    const saved = await this.db.transaction(async (tx) => {
      const saved = await earnRateStore.upsert(tx, rate);
      await appendEvent(
        tx,
        'campaign',
        campaignEvents.EarnRateChanged.event(
          rate.currency,
          { currency: rate.currency, points: rate.points, perAmount: rate.perAmount },
          actor,
        ),
      );
      return saved;
    });
    this.rules.changed();
    return saved;
  }
}
