import type { Queryable } from '../../../runtime/database/database';

export interface AudienceRecord {
  key: string;
  name: string;
  description: string | null;
  createdAt: Date;
}

interface AudienceRow {
  key: string;
  name: string;
  description: string | null;
  created_at: Date;
}

const toAudience = (row: AudienceRow): AudienceRecord => ({
  key: row.key,
  name: row.name,
  description: row.description,
  createdAt: row.created_at,
});

/** SQL for static audiences: lists of members a CDP or a marketer keeps, by id. */
export const audienceStore = {
  async all(db: Queryable): Promise<AudienceRecord[]> {
    const { rows } = await db.query<AudienceRow>('select * from campaign.audiences order by key');
    return rows.map(toAudience);
  },

  async exists(db: Queryable, key: string): Promise<boolean> {
    const { rows } = await db.query('select 1 from campaign.audiences where key = $1', [key]);
    return rows.length > 0;
  },

  /** Creates or renames the audience `key`; its members stay. */
  async save(
    tx: Queryable,
    audience: { key: string; name: string; description: string | null },
  ): Promise<AudienceRecord> {
    const { rows } = await tx.query<AudienceRow>(
      `insert into campaign.audiences (key, name, description) values ($1, $2, $3)
       on conflict (key) do update set name = excluded.name, description = excluded.description
       returning *`,
      [audience.key, audience.name, audience.description],
    );
    return toAudience(rows[0]!);
  },

  async remove(tx: Queryable, key: string): Promise<boolean> {
    const { rows } = await tx.query('delete from campaign.audiences where key = $1 returning key', [key]);
    return rows.length > 0;
  },

  /** Locks the audience row (a removal waits for a change of its members; changes run side by side); false if there is none. */
  async lock(tx: Queryable, key: string): Promise<boolean> {
    const { rows } = await tx.query('select 1 from campaign.audiences where key = $1 for key share', [key]);
    return rows.length > 0;
  },

  /**
   * Adds members by id, each as the profile it answers with now (a merged id's survivor), in one
   * statement; returns how many were not members yet.
   */
  async add(tx: Queryable, key: string, customerIds: readonly string[]): Promise<number> {
    const { rows } = await tx.query<{ added: number }>(
      `with asked as (
         select distinct coalesce(m.survivor_id, asked.id) as customer_id
           from unnest($2::uuid[]) as asked (id) left join campaign.member_merges m on m.merged_id = asked.id
       ), added as (
         insert into campaign.audience_members (audience_key, customer_id) select $1, customer_id from asked
         on conflict do nothing returning 1
       )
       select count(*)::int as added from added`,
      [key, [...customerIds]],
    );
    return rows[0]!.added;
  },

  /** Removes members by id (or their survivor's), in one statement; returns how many were members. */
  async removeMembers(tx: Queryable, key: string, customerIds: readonly string[]): Promise<number> {
    const { rows } = await tx.query<{ removed: number }>(
      `with removed as (
         delete from campaign.audience_members a
          using (select distinct coalesce(m.survivor_id, asked.id) as customer_id
                   from unnest($2::uuid[]) as asked (id) left join campaign.member_merges m on m.merged_id = asked.id) asked
          where a.audience_key = $1 and a.customer_id = asked.customer_id
         returning 1
       )
       select count(*)::int as removed from removed`,
      [key, [...customerIds]],
    );
    return rows[0]!.removed;
  },

  /** Members per audience, for every audience asked. */
  async memberCounts(db: Queryable, keys: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await db.query<{ audience_key: string; members: number }>(
      `select audience_key, count(*)::int as members from campaign.audience_members
        where audience_key = any($1::text[]) group by audience_key`,
      [[...keys]],
    );
    return new Map(rows.map((row) => [row.audience_key, row.members]));
  },
};
