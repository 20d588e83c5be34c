import type { Queryable } from '../../../runtime/database/database';
import type { EventPropertyDefinition } from './eventType.rules';

export interface EventTypeRow {
  name: string;
  version: number;
  description: string | null;
  properties: EventPropertyDefinition[];
  members_may_send: boolean;
  defined_at: Date;
}

/** SQL for `profile.event_types`: every version of every event type. */
export const eventTypeStore = {
  /** The latest version of `name`; with `lock`, held until the transaction ends (redefinitions queue). */
  async latest(db: Queryable, name: string, lock = false): Promise<EventTypeRow | undefined> {
    if (lock) await db.query('select pg_advisory_xact_lock(hashtext($1))', [`loyalty-graph:event-type:${name}`]);
    const { rows } = await db.query<EventTypeRow>(
      'select * from profile.event_types where name = $1 order by version desc limit 1',
      [name],
    );
    return rows[0];
  },

  /** The latest version of each of `names` that exists. */
  async latestOf(db: Queryable, names: readonly string[]): Promise<Map<string, EventTypeRow>> {
    const { rows } = await db.query<EventTypeRow>(
      `select distinct on (name) * from profile.event_types where name = any($1::text[]) order by name, version desc`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, row]));
  },

  /** The latest version of every type, by name. */
  async all(db: Queryable): Promise<EventTypeRow[]> {
    const { rows } = await db.query<EventTypeRow>(
      'select distinct on (name) * from profile.event_types order by name, version desc',
    );
    return rows;
  },

  async insert(
    tx: Queryable,
    type: {
      name: string;
      version: number;
      description: string | null;
      properties: EventPropertyDefinition[];
      membersMaySend: boolean;
      definedBy: unknown;
    },
  ): Promise<EventTypeRow> {
    const { rows } = await tx.query<EventTypeRow>(
      `insert into profile.event_types (name, version, description, properties, members_may_send, defined_by)
       values ($1, $2, $3, $4::jsonb, $5, $6::jsonb) returning *`,
      [
        type.name,
        type.version,
        type.description,
        JSON.stringify(type.properties),
        type.membersMaySend,
        JSON.stringify(type.definedBy ?? null),
      ],
    );
    return rows[0]!;
  },
};
