import type { Queryable } from '../../../runtime/database/database';
import type { BadgeDefinition, BadgePurchase, BadgeRule } from './badge.rules';

interface BadgeRow {
  key: string;
  name: string;
  description: string | null;
  rule: BadgeRule;
  points_on_completion: number;
  counts_from: Date;
  retired_at: Date | null;
  starts_at: Date | null;
  ends_at: Date | null;
}

export interface BadgeRecord extends BadgeDefinition {
  countsFrom: Date;
  retiredAt: Date | null;
}

const toBadge = (row: BadgeRow): BadgeRecord => ({
  key: row.key,
  name: row.name,
  description: row.description,
  rule: row.rule,
  pointsOnCompletion: row.points_on_completion,
  countsFrom: row.counts_from,
  retiredAt: row.retired_at,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
});

const badgeColumns = 'key, name, description, rule, points_on_completion, counts_from, retired_at, starts_at, ends_at';

export interface BadgeCompletion {
  badgeKey: string;
  customerId: string;
  completedAt: Date;
}

interface CompletionRow {
  badge_key: string;
  customer_id: string;
  completed_at: Date;
}

const toCompletion = (row: CompletionRow): BadgeCompletion => ({
  badgeKey: row.badge_key,
  customerId: row.customer_id,
  completedAt: row.completed_at,
});

/** A custom event as badges read it (campaign.custom_events). */
export interface BadgeCustomEvent {
  eventId: string;
  type: string;
  properties: Record<string, unknown>;
  channel: string;
  occurredAt: Date;
}

export interface PendingAward {
  awardKey: string;
  customerId: string;
  points: number;
  reason: string;
}

/** SQL for the badge catalog, members' completions and the awards they credit. */
export const badgeStore = {
  async all(db: Queryable): Promise<BadgeRecord[]> {
    const { rows } = await db.query<BadgeRow>(`select ${badgeColumns} from campaign.badges order by created_at, key`);
    return rows.map(toBadge);
  },

  async find(db: Queryable, key: string, lock = false): Promise<BadgeRecord | undefined> {
    const { rows } = await db.query<BadgeRow>(
      `select ${badgeColumns} from campaign.badges where key = $1${lock ? ' for update' : ''}`,
      [key],
    );
    return rows[0] && toBadge(rows[0]);
  },

  /** Inserts a new badge; false when the key is taken (retired badges keep theirs). */
  async insert(tx: Queryable, badge: BadgeDefinition, countsFrom: Date): Promise<boolean> {
    const { rows } = await tx.query(
      `insert into campaign.badges (key, name, description, rule, points_on_completion, counts_from, starts_at, ends_at)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8) on conflict (key) do nothing returning key`,
      [
        badge.key,
        badge.name,
        badge.description,
        JSON.stringify(badge.rule),
        badge.pointsOnCompletion,
        countsFrom,
        badge.startsAt,
        badge.endsAt,
      ],
    );
    return rows.length > 0;
  },

  async update(
    tx: Queryable,
    key: string,
    details: Pick<BadgeDefinition, 'name' | 'description' | 'pointsOnCompletion'>,
  ): Promise<BadgeRecord> {
    const { rows } = await tx.query<BadgeRow>(
      `update campaign.badges set name = $2, description = $3, points_on_completion = $4, updated_at = now()
       where key = $1 returning ${badgeColumns}`,
      [key, details.name, details.description, details.pointsOnCompletion],
    );
    return toBadge(rows[0]!);
  },

  async retire(tx: Queryable, key: string, at: Date): Promise<BadgeRecord> {
    const { rows } = await tx.query<BadgeRow>(
      `update campaign.badges set retired_at = $2, updated_at = now() where key = $1 returning ${badgeColumns}`,
      [key, at],
    );
    return toBadge(rows[0]!);
  },

  /** How many members completed each badge. */
  async completionCounts(db: Queryable): Promise<Map<string, number>> {
    const { rows } = await db.query<{ badge_key: string; members: number }>(
      'select badge_key, count(*)::int as members from campaign.badge_completions group by badge_key',
    );
    return new Map(rows.map((row) => [row.badge_key, row.members]));
  },

  async completionsOf(db: Queryable, customerIds: readonly string[]): Promise<BadgeCompletion[]> {
    const { rows } = await db.query<CompletionRow>(
      `select badge_key, customer_id, completed_at from campaign.badge_completions
       where customer_id = any($1::uuid[]) order by completed_at, badge_key`,
      [[...customerIds]],
    );
    return rows.map(toCompletion);
  },

  /** Members' purchases from `since` on, oldest first, as badges read them. */
  async purchasesOf(db: Queryable, customerIds: readonly string[], since: Date): Promise<Map<string, BadgePurchase[]>> {
    const { rows } = await db.query<{
      customer_id: string;
      purchase_id: string;
      channel: string;
      store_id: string | null;
      currency: string;
      total_amount: number;
      occurred_at: Date;
    }>(
      `select customer_id, purchase_id, channel, store_id, currency, total_amount, occurred_at
       from campaign.purchases where customer_id = any($1::uuid[]) and occurred_at >= $2
       order by occurred_at, purchase_id`,
      [[...customerIds], since],
    );
    const byCustomer = new Map<string, BadgePurchase[]>(customerIds.map((id) => [id, []]));
    for (const row of rows) {
      byCustomer.get(row.customer_id)?.push({
        purchaseId: row.purchase_id,
        channel: row.channel,
        storeId: row.store_id,
        currency: row.currency,
        totalAmount: row.total_amount,
        occurredAt: row.occurred_at,
      });
    }
    return byCustomer;
  },

  /** Records a completion by a purchase or a custom event; false when the member already had it. */
  async complete(
    tx: Queryable,
    completion: BadgeCompletion & { purchaseId: string | null; eventId: string | null },
  ): Promise<boolean> {
    const { rows } = await tx.query(
      `insert into campaign.badge_completions (badge_key, customer_id, completed_at, purchase_id, event_id)
       values ($1, $2, $3, $4, $5) on conflict do nothing returning badge_key`,
      [completion.badgeKey, completion.customerId, completion.completedAt, completion.purchaseId, completion.eventId],
    );
    return rows.length > 0;
  },

  /** Members' custom events of `types` from `since` on, oldest first, as badges read them. */
  async eventsOf(
    db: Queryable,
    customerIds: readonly string[],
    types: readonly string[],
    since: Date,
  ): Promise<Map<string, BadgeCustomEvent[]>> {
    const byCustomer = new Map<string, BadgeCustomEvent[]>(customerIds.map((id) => [id, []]));
    if (types.length === 0 || customerIds.length === 0) return byCustomer;
    const { rows } = await db.query<{
      customer_id: string;
      event_id: string;
      event_type: string;
      properties: Record<string, unknown>;
      channel: string;
      occurred_at: Date;
    }>(
      `select customer_id, event_id, event_type, properties, channel, occurred_at
       from campaign.custom_events
       where customer_id = any($1::uuid[]) and event_type = any($2::text[]) and occurred_at >= $3
       order by occurred_at, event_id`,
      [[...customerIds], [...types], since],
    );
    for (const row of rows) {
      byCustomer.get(row.customer_id)?.push({
        eventId: row.event_id,
        type: row.event_type,
        properties: row.properties,
        channel: row.channel,
        occurredAt: new Date(row.occurred_at),
      });
    }
    return byCustomer;
  },

  /**
   * A profile merge the ledger applied: the merged member's completions become the survivor's,
   * but for badges the survivor has too (whose completion stays). Awards stay as they are: the
   * ledger credits a merged id's to the survivor.
   */
  async mergeCustomer(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    await tx.query(
      `update campaign.badge_completions m set customer_id = $1
       where m.customer_id = $2
         and not exists (select 1 from campaign.badge_completions s where s.customer_id = $1 and s.badge_key = m.badge_key)`,
      [survivorId, mergedId],
    );
    await tx.query('delete from campaign.badge_completions where customer_id = $1', [mergedId]);
  },

  async addAward(tx: Queryable, award: PendingAward & { badgeKey: string }): Promise<void> {
    await tx.query(
      `insert into campaign.badge_awards (award_key, badge_key, customer_id, points, reason, status)
       values ($1, $2, $3, $4, $5, 'PENDING') on conflict (award_key) do nothing`,
      [award.awardKey, award.badgeKey, award.customerId, award.points, award.reason],
    );
  },

  /** The awards still to credit, least tried first: awards the ledger keeps refusing never hold newer ones back. */
  async pendingAwards(db: Queryable, limit: number): Promise<PendingAward[]> {
    const { rows } = await db.query<{ award_key: string; customer_id: string; points: number; reason: string }>(
      `select award_key, customer_id, points, reason from campaign.badge_awards
       where status = 'PENDING' order by attempts, created_at, award_key limit $1`,
      [limit],
    );
    return rows.map((row) => ({
      awardKey: row.award_key,
      customerId: row.customer_id,
      points: row.points,
      reason: row.reason,
    }));
  },

  async markCredited(db: Queryable, awardKey: string, at: Date): Promise<void> {
    await db.query(
      `update campaign.badge_awards set status = 'CREDITED', credited_at = $2, attempts = attempts + 1, last_error = null
       where award_key = $1 and status = 'PENDING'`,
      [awardKey, at],
    );
  },

  async markFailed(db: Queryable, awardKey: string, error: string): Promise<void> {
    await db.query(
      `update campaign.badge_awards set attempts = attempts + 1, last_error = $2
       where award_key = $1 and status = 'PENDING'`,
      [awardKey, error.slice(0, 1000)],
    );
  },
};
