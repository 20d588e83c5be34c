import type { Database } from '../../../runtime/database/database';
import { CampaignError, CampaignErrorKind } from '../errors';
import { absenceTriggerProblem, type AbsenceTriggerDefinition } from './absenceTrigger.rules';
import { absenceTriggerStore, type AbsenceTriggerRecord } from './absenceTrigger.store';
import type { AbsenceTriggerInput } from './absenceTrigger.type';

/** A marketer's input with its defaults filled in. */
export function toAbsenceTriggerDefinition(input: AbsenceTriggerInput): AbsenceTriggerDefinition {
  return {
    key: input.key,
    name: input.name.trim(),
    start: input.start,
    eventType: input.eventType ?? null,
    waitMinutes: input.waitMinutes,
    bonusPoints: input.bonusPoints,
    rewardId: input.rewardId ?? null,
    sendMessage: input.sendMessage,
  };
}

/** The absence triggers marketers define and retire. */
export class AbsenceTriggerService {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  all(): Promise<AbsenceTriggerRecord[]> {
    return absenceTriggerStore.all(this.db);
  }

  /** Defines a trigger; starts from now on count. A key in use (even retired) is a CONFLICT. */
  async define(input: AbsenceTriggerInput): Promise<AbsenceTriggerRecord> {
    const definition = toAbsenceTriggerDefinition(input);
    const problem = absenceTriggerProblem(definition);
    if (problem)
      throw new CampaignError(CampaignErrorKind.InvalidAbsenceTrigger, `Invalid absence trigger: ${problem.message}`, {
        argument: `input.${problem.field}`,
      });
    const saved = await this.db.transaction((tx) => absenceTriggerStore.insert(tx, definition));
    if (!saved)
      throw new CampaignError(
        CampaignErrorKind.AbsenceTriggerConflict,
        `An absence trigger with the key ${definition.key} exists already (keys are never reused)`,
        { argument: 'input.key' },
      );
    return saved;
  }

  /** Retires a trigger: nothing starts it any more and its pending timers are cancelled. */
  async retire(key: string): Promise<AbsenceTriggerRecord> {
    const retired = await this.db.transaction((tx) => absenceTriggerStore.retire(tx, key, this.clock()));
    if (!retired)
      throw new CampaignError(CampaignErrorKind.UnknownAbsenceTrigger, `No absence trigger has the key ${key}`, {
        argument: 'key',
      });
    return retired;
  }
}
