import type { Queryable } from '../../../runtime/database/database';
import type { WeeklyWindow } from '../schedules/schedule.rules';
import type {
  ActivityKind,
  Audience,
  CampaignDefinition,
  CampaignLimits,
  CampaignReward,
  CampaignRule,
  CampaignStatus,
  CampaignTrigger,
  EventTrigger,
} from './campaign.rules';

export interface CampaignRecord extends CampaignRule {
  spentPoints: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface StoredSchedule {
  startsAt: string | null;
  endsAt: string | null;
  weekly: WeeklyWindow[];
}

interface CampaignRow {
  id: string;
  name: string;
  description: string | null;
  status: CampaignStatus;
  trigger: CampaignTrigger;
  activity_kind: ActivityKind | null;
  event_trigger: EventTrigger | null;
  reward: CampaignReward;
  audience: Audience;
  schedule: StoredSchedule;
  limits: CampaignLimits;
  exclusive: boolean;
  priority: number;
  holdout_percent: number;
  spent_points: string | number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (row: CampaignRow): CampaignRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  status: row.status,
  trigger: row.trigger,
  activityKind: row.activity_kind,
  eventTrigger: row.event_trigger,
  reward: row.reward,
  audience: row.audience,
  schedule: {
    startsAt: row.schedule.startsAt === null ? null : new Date(row.schedule.startsAt),
    endsAt: row.schedule.endsAt === null ? null : new Date(row.schedule.endsAt),
    weekly: row.schedule.weekly,
  },
  limits: row.limits,
  exclusive: row.exclusive,
  priority: row.priority,
  holdoutPercent: row.holdout_percent,
  spentPoints: Number(row.spent_points),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const definitionParams = (definition: CampaignDefinition) => [
  definition.name,
  definition.description,
  definition.trigger,
  definition.activityKind,
  JSON.stringify(definition.reward),
  JSON.stringify(definition.audience),
  JSON.stringify({
    startsAt: definition.schedule.startsAt?.toISOString() ?? null,
    endsAt: definition.schedule.endsAt?.toISOString() ?? null,
    weekly: definition.schedule.weekly,
  }),
  JSON.stringify(definition.limits),
  definition.exclusive,
  definition.priority,
  definition.holdoutPercent,
  definition.eventTrigger ? JSON.stringify(definition.eventTrigger) : null,
];

/** SQL for `campaign.campaigns`. */
export const campaignStore = {
  async insert(tx: Queryable, id: string, definition: CampaignDefinition): Promise<CampaignRecord> {
    const { rows } = await tx.query<CampaignRow>(
      `insert into campaign.campaigns
         (id, status, name, description, trigger, activity_kind, reward, audience, schedule, limits, exclusive, priority,
          holdout_percent, event_trigger)
       values ($1, 'DRAFT', $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13::jsonb)
       returning *`,
      [id, ...definitionParams(definition)],
    );
    return toRecord(rows[0]!);
  },

  async update(tx: Queryable, id: string, definition: CampaignDefinition): Promise<CampaignRecord> {
    const { rows } = await tx.query<CampaignRow>(
      `update campaign.campaigns set name = $2, description = $3, trigger = $4, activity_kind = $5,
         reward = $6::jsonb, audience = $7::jsonb, schedule = $8::jsonb, limits = $9::jsonb, exclusive = $10,
         priority = $11, holdout_percent = $12, event_trigger = $13::jsonb, version = version + 1, updated_at = now()
       where id = $1 returning *`,
      [id, ...definitionParams(definition)],
    );
    return toRecord(rows[0]!);
  },

  async setStatus(tx: Queryable, id: string, status: CampaignStatus): Promise<CampaignRecord> {
    const { rows } = await tx.query<CampaignRow>(
      `update campaign.campaigns set status = $2, version = version + 1, updated_at = now() where id = $1 returning *`,
      [id, status],
    );
    return toRecord(rows[0]!);
  },

  async find(db: Queryable, id: string, forUpdate = false): Promise<CampaignRecord | undefined> {
    const { rows } = await db.query<CampaignRow>(
      `select * from campaign.campaigns where id = $1${forUpdate ? ' for update' : ''}`,
      [id],
    );
    return rows[0] && toRecord(rows[0]);
  },

  /** Campaigns that may grant now or later (SCHEDULED); whether their schedule is live is the engine's to say. */
  async scheduled(db: Queryable): Promise<CampaignRecord[]> {
    const { rows } = await db.query<CampaignRow>(
      `select * from campaign.campaigns where status = 'SCHEDULED' order by priority desc, id`,
    );
    return rows.map(toRecord);
  },

  /**
   * Locks the campaigns whose limits a claim will count, in id order (so claims never deadlock),
   * and reads how much each has spent.
   */
  async lockSpent(tx: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query<{ id: string; spent_points: string | number }>(
      `select id, spent_points from campaign.campaigns where id = any($1::uuid[]) order by id for update`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, Number(row.spent_points)]));
  },

  /** How much each of `ids` has spent, unlocked (a budget as of now, for a quote that reserves nothing yet). */
  async spentOf(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const { rows } = await db.query<{ id: string; spent_points: string | number }>(
      `select id, spent_points from campaign.campaigns where id = any($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, Number(row.spent_points)]));
  },

  async addSpent(tx: Queryable, id: string, points: number): Promise<void> {
    await tx.query('update campaign.campaigns set spent_points = spent_points + $2 where id = $1', [id, points]);
  },

  /** One page by creation order, optionally of some statuses. */
  async page(
    db: Queryable,
    options: { first: number; after?: { createdAt: string; id: string }; statuses?: readonly CampaignStatus[] },
  ): Promise<CampaignRecord[]> {
    const params: unknown[] = [options.first + 1];
    const where: string[] = [];
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    if (options.statuses && options.statuses.length > 0) {
      params.push([...options.statuses]);
      where.push(`status = any($${params.length}::text[])`);
    }
    const { rows } = await db.query<CampaignRow>(
      `select * from campaign.campaigns ${where.length ? `where ${where.join(' and ')}` : ''}
       order by created_at, id limit $1`,
      params,
    );
    return rows.map(toRecord);
  },
};
