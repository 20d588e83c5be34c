import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Database } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { isUuid } from '../../../runtime/validation/validators';
import { rewardStore, type CatalogPosition } from './reward.store';
import type { CreateRewardInput, Reward } from './reward.type';

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

  activePage(after: CatalogPosition | null, limit: number): Promise<Reward[]> {
    return rewardStore.activePage(this.db, after, limit);
  }

  create(input: CreateRewardInput, actor: NewEvent['actor']): Promise<Reward> {
    return this.db.transaction(async (tx) => {
      const reward = await rewardStore.insert(tx, {
        id: randomUUID(),
        name: input.name.trim(),
        description: input.description.trim(),
        kind: input.kind,
        costPoints: input.costPoints,
      });
      await appendEvent(tx, 'rewards', {
        type: 'RewardCreated',
        aggregateId: reward.id,
        payload: { rewardId: reward.id },
        actor,
      });
      return reward;
    });
  }
}
