import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../runtime/database/database';
import type { EventContract } from '../../../runtime/events/eventContract';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import { campaignEvents, type CampaignChangePayload } from '../contract/events';
import { CampaignError, CampaignErrorKind } from '../errors';
import { CampaignStatus, campaignProblem, noRestriction, type CampaignDefinition } from './campaign.rules';
import { campaignStore, type CampaignRecord } from './campaign.store';
import { CapPeriod } from './campaign.rules';
import { eventTriggerOf, eventTriggerProblem } from '../customEvents/eventTrigger.rules';
import type { EventTrigger } from './campaign.rules';
import type { CampaignInput, EventTriggerShape } from './campaign.type';
import type { RuleCache } from '../quotes/ruleCache';

/** The statuses each action may start from, and where it leads. */
const transitions = {
  schedule: {
    from: [CampaignStatus.DRAFT, CampaignStatus.PAUSED],
    to: CampaignStatus.SCHEDULED,
    event: campaignEvents.CampaignScheduled,
  },
  pause: { from: [CampaignStatus.SCHEDULED], to: CampaignStatus.PAUSED, event: campaignEvents.CampaignPaused },
  end: {
    from: [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.PAUSED],
    to: CampaignStatus.ENDED,
    event: campaignEvents.CampaignEnded,
  },
} as const;

export type CampaignAction = keyof typeof transitions;

/** A marketer's input with its defaults filled in, checked as a whole. */
export function toDefinition(input: CampaignInput, holdoutPercent = 0): CampaignDefinition {
  const definition: CampaignDefinition = {
    name: input.name.trim(),
    description: input.description ?? null,
    trigger: input.trigger,
    activityKind: input.activityKind ?? null,
    eventTrigger: input.eventTrigger ? toEventTrigger(input.eventTrigger) : null,
    reward: {
      kind: input.reward.kind,
      multiplierPercent: input.reward.multiplierPercent ?? null,
      points: input.reward.points ?? null,
      perAmount: input.reward.perAmount ?? null,
      currency: input.reward.currency ?? null,
      // Only when set: rewards in points stay as they were stored.
      ...(input.reward.wallet ? { wallet: input.reward.wallet } : {}),
    },
    audience: { ...noRestriction, ...stripNullish(input.audience ?? {}) },
    schedule: {
      startsAt: input.schedule?.startsAt ?? null,
      endsAt: input.schedule?.endsAt ?? null,
      weekly: (input.schedule?.weekly ?? []).map(({ startDay, startTime, endDay, endTime }) => ({
        startDay,
        startTime,
        endDay,
        endTime,
      })),
    },
    limits: {
      perCustomerPoints: input.limits?.perCustomerPoints ?? null,
      perCustomerGrants: input.limits?.perCustomerGrants ?? null,
      capPeriod: input.limits?.capPeriod ?? CapPeriod.CAMPAIGN,
      budgetPoints: input.limits?.budgetPoints ?? null,
    },
    exclusive: input.exclusive,
    priority: input.priority,
    holdoutPercent: input.holdoutPercent ?? holdoutPercent,
  };
  const problem = campaignProblem(definition);
  if (problem) {
    const field = /eventTrigger/.test(problem) ? { field: 'input.eventTrigger' } : {};
    throw new CampaignError(CampaignErrorKind.InvalidCampaign, `Invalid campaign: ${problem}`, field);
  }
  return definition;
}

function toEventTrigger(input: EventTriggerShape): EventTrigger {
  const trigger = eventTriggerOf(input);
  const problem = eventTriggerProblem(trigger, 'input.eventTrigger');
  if (problem) {
    throw new CampaignError(
      CampaignErrorKind.InvalidCampaign,
      `Invalid campaign: ${problem.field}: ${problem.message}`,
      {
        field: problem.field,
      },
    );
  }
  return trigger;
}

function stripNullish<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/** Marketers' campaigns: drafted, scheduled, paused, ended; every change is an event with its actor. */
export class CampaignService {
  constructor(
    private readonly db: Database,
    private readonly rules: RuleCache,
  ) {}

  async find(id: string): Promise<CampaignRecord> {
    const campaign = await campaignStore.find(this.db, id);
    if (!campaign) throw new CampaignError(CampaignErrorKind.UnknownCampaign, `No campaign has the id ${id}`);
    return campaign;
  }

  list(options: Parameters<typeof campaignStore.page>[1]): Promise<CampaignRecord[]> {
    return campaignStore.page(this.db, options);
  }

  create(input: CampaignInput, actor: NewEvent['actor']): Promise<CampaignRecord> {
    const definition = toDefinition(input);
    return this.change(async (tx) => {
      const saved = await campaignStore.insert(tx, randomUUID(), definition);
      await this.publish(tx, saved, campaignEvents.CampaignCreated, actor);
      return saved;
    });
  }

  update(
    id: string,
    input: CampaignInput,
    expectedVersion: number | null,
    actor: NewEvent['actor'],
  ): Promise<CampaignRecord> {
    return this.change(async (tx) => {
      const current = await this.locked(tx, id, expectedVersion);
      if (current.status === CampaignStatus.ENDED) {
        throw new CampaignError(
          CampaignErrorKind.CampaignConflict,
          `Campaign ${current.name} has ended and cannot change`,
        );
      }
      const definition = toDefinition(input, current.holdoutPercent);
      if (current.status !== CampaignStatus.DRAFT && definition.holdoutPercent !== current.holdoutPercent) {
        // Its performance compares the groups drawn when it started; a new split would mix them.
        throw new CampaignError(
          CampaignErrorKind.CampaignConflict,
          `The holdout of campaign ${current.name} is fixed once it has been scheduled`,
          { status: current.status },
        );
      }
      const saved = await campaignStore.update(tx, id, definition);
      await this.publish(tx, saved, campaignEvents.CampaignUpdated, actor);
      return saved;
    });
  }

  act(id: string, action: CampaignAction, actor: NewEvent['actor']): Promise<CampaignRecord> {
    const { from, to, event } = transitions[action];
    return this.change(async (tx) => {
      const current = await this.locked(tx, id, null);
      if (current.status === to) return current;
      if (!(from as readonly CampaignStatus[]).includes(current.status)) {
        throw new CampaignError(
          CampaignErrorKind.CampaignConflict,
          `A ${current.status} campaign cannot ${action === 'end' ? 'end' : `be ${action === 'pause' ? 'paused' : 'scheduled'}`}`,
          { status: current.status },
        );
      }
      const saved = await campaignStore.setStatus(tx, id, to);
      await this.publish(tx, saved, event, actor);
      return saved;
    });
  }

  /** Runs a change in one transaction and drops the cached rules once it committed, before it answers. */
  private async change<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(work);
    this.rules.changed();
    return result;
  }

  private async locked(
    tx: Parameters<typeof campaignStore.find>[0],
    id: string,
    expectedVersion: number | null,
  ): Promise<CampaignRecord> {
    const current = await campaignStore.find(tx, id, true);
    if (!current) throw new CampaignError(CampaignErrorKind.UnknownCampaign, `No campaign has the id ${id}`);
    if (expectedVersion !== null && current.version !== expectedVersion) {
      throw new CampaignError(
        CampaignErrorKind.CampaignConflict,
        `Campaign ${current.name} changed since version ${expectedVersion} (now ${current.version}); reload it`,
        { version: current.version },
      );
    }
    return current;
  }

  private async publish(
    tx: Parameters<typeof appendEvent>[0],
    campaign: CampaignRecord,
    contract: EventContract<CampaignChangePayload>,
    actor: NewEvent['actor'],
  ): Promise<void> {
    const payload = {
      campaignId: campaign.id,
      name: campaign.name,
      status: campaign.status,
      version: campaign.version,
    };
    await appendEvent(tx, 'campaign', contract.event(campaign.id, payload, actor));
  }
}
