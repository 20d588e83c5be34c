import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { rewardsEvents } from '../contract/events';
import { isUuid } from '../../../runtime/validation/validators';
import { RewardsError, RewardsErrorKind } from '../errors';
import { birthdaySettingsStore } from '../redemptions/birthdaySettings.store';
import { rewardStore, type CatalogFilter, type CatalogPosition } from './reward.store';
import { RewardKind, type CreateRewardInput, type Reward } from './reward.type';

export class RewardService {
  constructor(private readonly db: Database) {}

  createLoader(): DataLoader<string, Reward | null> {
    return new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length > 0 ? await rewardStore.findByIds(this.db, valid) : [];
      const byId = new Map(found.map((reward) => [reward.id, reward]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  activePage(after: CatalogPosition | null, limit: number, filter: CatalogFilter = {}): Promise<Reward[]> {
    return rewardStore.activePage(this.db, after, limit, filter);
  }

  /** Sets the reward every member gets on their birthday (null: none), with its event. */
  setBirthdayReward(rewardId: string | null, actor: NewEvent['actor']): Promise<void> {
    return this.db.transaction(async (tx) => {
      await birthdaySettingsStore.setReward(tx, rewardId);
      await appendEvent(tx, 'rewards', rewardsEvents.BirthdayRewardSet.event('settings', { rewardId }, actor));
    });
  }

  create(input: CreateRewardInput, actor: NewEvent['actor']): Promise<Reward> {
    const problem = rewardProblem(input);
    if (problem) throw new RewardsError(RewardsErrorKind.InvalidInput, `Invalid reward: ${problem}`);
    return this.db.transaction(async (tx) => {
      const reward = await rewardStore.insert(tx, {
        id: randomUUID(),
        name: input.name.trim(),
        description: input.description.trim(),
        kind: input.kind,
        costPoints: input.costPoints,
        valueAmount: input.valueAmount ?? null,
        valueCurrency: input.valueCurrency ?? null,
        percentOff: input.percentOff ?? null,
        sku: input.sku ?? null,
        imageUrl: input.imageUrl ?? null,
        tiers: input.tiers,
        channels: input.channels,
        validFrom: input.validFrom ?? null,
        validUntil: input.validUntil ?? null,
        stock: input.stock ?? null,
        perCustomerLimit: input.perCustomerLimit ?? null,
        voucherValidDays: input.voucherValidDays,
      });
      await appendEvent(tx, 'rewards', rewardsEvents.RewardCreated.event(reward.id, { rewardId: reward.id }, actor));
      return reward;
    });
  }

  /** Takes a reward out of the catalog (or back in); vouchers already issued stay valid. */
  setActive(id: string, active: boolean, actor: NewEvent['actor']): Promise<Reward> {
    return this.db.transaction(async (tx) => {
      const reward = await rewardStore.setActive(tx, id, active);
      if (!reward) throw new RewardsError(RewardsErrorKind.UnknownReward, `No reward has the id ${id}`);
      const contract = active ? rewardsEvents.RewardActivated : rewardsEvents.RewardDeactivated;
      await appendEvent(tx, 'rewards', contract.event(id, { rewardId: id }, actor));
      return reward;
    });
  }
}

/** Null when a reward can be offered, else what a marketer must fix. */
export function rewardProblem(input: CreateRewardInput): string | null {
  if (input.kind === RewardKind.FIXED_DISCOUNT && (input.valueAmount == null || input.valueCurrency == null))
    return 'a FIXED_DISCOUNT needs valueAmount and valueCurrency';
  if (input.kind === RewardKind.PERCENT_DISCOUNT && input.percentOff == null)
    return 'a PERCENT_DISCOUNT needs percentOff';
  if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom)
    return 'validUntil must be after validFrom';
  return null;
}
