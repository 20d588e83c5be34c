import type { Database, Queryable } from '../../../runtime/database/database';
import { appendEvent, type NewEvent } from '../../../runtime/events/outbox';
import type { EventContract } from '../../../runtime/events/eventContract';
import { campaignEvents, type BadgePayload } from '../contract/events';
import { CampaignError, CampaignErrorKind } from '../errors';
import { eventTriggerOf } from '../customEvents/eventTrigger.rules';
import { badgeDefinitionProblem, badgeDetailsProblem, type BadgeDefinition, type BadgeProblem } from './badge.rules';
import { badgeStore, type BadgeRecord } from './badge.store';
import type { BadgeInput, BadgeUpdateInput } from './badge.type';

type Actor = NewEvent['actor'];

const invalid = (found: BadgeProblem): CampaignError =>
  new CampaignError(CampaignErrorKind.InvalidBadge, `Invalid badge: ${found.message}`, { argument: found.argument });

/** A marketer's input with its defaults filled in (a minimum amount counts in the program's currency unless told). */
export function toBadgeDefinition(input: BadgeInput, programCurrency: string): BadgeDefinition {
  const { rule } = input;
  const minAmount = rule.minAmount ?? null;
  return {
    key: input.key,
    name: input.name.trim(),
    description: input.description?.trim() || null,
    pointsOnCompletion: input.pointsOnCompletion,
    rule: {
      event: rule.event,
      count: rule.count,
      counting: rule.counting,
      channels: rule.channels,
      storeId: rule.storeId ?? null,
      minAmount,
      minAmountCurrency: rule.minAmountCurrency ?? (minAmount === null ? null : programCurrency),
      period: rule.period,
      withinDays: rule.withinDays ?? null,
      eventTrigger: rule.eventTrigger ? eventTriggerOf(rule.eventTrigger) : null,
      streak: rule.streak ?? null,
    },
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
  };
}

/** The badge catalog marketers keep: defined, renamed or re-priced, retired; every change an event with its actor. */
export class BadgeService {
  constructor(private readonly db: Database) {}

  all(): Promise<BadgeRecord[]> {
    return badgeStore.all(this.db);
  }

  /** Defines a badge; purchases from `now` on count towards it. A key in use (even retired) is a CONFLICT. */
  async define(input: BadgeInput, programCurrency: string, now: Date, actor: Actor): Promise<BadgeRecord> {
    const definition = toBadgeDefinition(input, programCurrency);
    const found = badgeDefinitionProblem(definition, now);
    if (found) throw invalid(found);
    return this.db.transaction(async (tx) => {
      if (!(await badgeStore.insert(tx, definition, now))) {
        throw new CampaignError(
          CampaignErrorKind.BadgeConflict,
          `A badge with the key ${definition.key} exists already (keys are never reused, even once retired)`,
          { argument: 'input.key' },
        );
      }
      const saved = (await badgeStore.find(tx, definition.key))!;
      await this.publish(tx, campaignEvents.BadgeDefined, saved, actor);
      return saved;
    });
  }

  /** Changes a live badge's name, description or points (for completions from now on); its rule stays. */
  update(key: string, input: BadgeUpdateInput, actor: Actor): Promise<BadgeRecord> {
    return this.db.transaction(async (tx) => {
      const current = await this.locked(tx, key);
      if (current.retiredAt) {
        throw new CampaignError(CampaignErrorKind.BadgeConflict, `Badge ${key} is retired and cannot change`);
      }
      const details = {
        name: input.name?.trim() ?? current.name,
        description: input.description === undefined ? current.description : input.description?.trim() || null,
        pointsOnCompletion: input.pointsOnCompletion ?? current.pointsOnCompletion,
      };
      const found = badgeDetailsProblem(details);
      if (found) throw invalid(found);
      const saved = await badgeStore.update(tx, key, details);
      await this.publish(tx, campaignEvents.BadgeUpdated, saved, actor);
      return saved;
    });
  }

  /** Retires a badge: nothing counts towards it from `now`; members keep it if they completed it. Retiring twice changes nothing. */
  retire(key: string, now: Date, actor: Actor): Promise<BadgeRecord> {
    return this.db.transaction(async (tx) => {
      const current = await this.locked(tx, key);
      if (current.retiredAt) return current;
      const saved = await badgeStore.retire(tx, key, now);
      await this.publish(tx, campaignEvents.BadgeRetired, saved, actor);
      return saved;
    });
  }

  private async locked(tx: Queryable, key: string): Promise<BadgeRecord> {
    const current = await badgeStore.find(tx, key, true);
    if (!current) throw new CampaignError(CampaignErrorKind.UnknownBadge, `No badge has the key ${key}`);
    return current;
  }

  private async publish(
    tx: Queryable,
    contract: EventContract<BadgePayload>,
    badge: BadgeRecord,
    actor: Actor,
  ): Promise<void> {
    const payload = {
      key: badge.key,
      name: badge.name,
      rule: { ...badge.rule, eventTrigger: badge.rule.eventTrigger ?? null, streak: badge.rule.streak ?? null },
      pointsOnCompletion: badge.pointsOnCompletion,
      retiredAt: badge.retiredAt?.toISOString() ?? null,
      startsAt: badge.startsAt?.toISOString() ?? null,
      endsAt: badge.endsAt?.toISOString() ?? null,
    };
    await appendEvent(tx, 'campaign', contract.event(badge.key, payload, actor));
  }
}
