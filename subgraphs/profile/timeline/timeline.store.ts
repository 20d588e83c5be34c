import type { Queryable } from '../../../runtime/database/database';
import type { TimelineFilter } from './timelineEntry.rules';
import { TimelineEntryKind } from './timelineEntry.rules';
import type { NewTimelineEntry, TimelineAmendment } from './timelineSources';

/** A position in a timeline: newest first, ties by id. */
export interface TimelinePosition {
  occurredAt: string;
  id: string;
}

/** One entry of a page: a custom event's columns, or a projected entry's summary. */
export interface TimelineRow {
  id: string;
  customer_id: string;
  kind: TimelineEntryKind;
  occurred_at: Date;
  channel: string | null;
  recorded_at: Date;
  summary: Record<string, unknown> | null;
  type: string | null;
  type_version: number | null;
  properties: Record<string, unknown> | null;
}

/** SQL for `profile.timeline_entries` and the timeline read over it and `profile.customer_events`. */
export const timelineStore = {
  /**
   * Adds the entries to their members' timelines in one statement: each to the profile its member
   * was merged into, none for an erased member or an id the profile does not know; nothing for a
   * key the source has an entry under already. An entry inheriting from another sees the entries
   * stored before this statement only, so the caller adds the one inherited from first. The
   * members' profiles are locked `for share`, as a tracked event's are: a merge in flight (it locks
   * both profiles `for update` before moving their entries) is waited for, and the entry goes to the
   * survivor it committed; without the lock an entry inserted while the merge moved the others stayed
   * under the merged profile.
   */
  async add(tx: Queryable, source: string, entries: readonly NewTimelineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map((entry) => ({
      customer_id: entry.customerId,
      kind: entry.kind,
      occurred_at: entry.occurredAt.toISOString(),
      channel: entry.channel,
      summary: entry.summary,
      key: entry.key,
      inherit_key: entry.inherits?.key ?? null,
      inherit_fields: entry.inherits?.fields ?? [],
    }));
    await tx.query(
      `insert into profile.timeline_entries (customer_id, kind, occurred_at, channel, summary, source, source_key)
       select coalesce(c.merged_into, c.id), e.kind, e.occurred_at, e.channel,
              coalesce((select jsonb_object_agg(f, earlier.summary -> f)
                          from profile.timeline_entries earlier, jsonb_array_elements_text(e.inherit_fields) as f
                         where earlier.source = $1 and earlier.source_key = e.inherit_key and earlier.summary ? f), '{}')
              || e.summary,
              $1, e.key
         from jsonb_to_recordset($2::jsonb) as e(customer_id uuid, kind text, occurred_at timestamptz, channel text,
                                                 summary jsonb, key text, inherit_key text, inherit_fields jsonb)
         join profile.customers c on c.id = e.customer_id
        where c.erased_at is null
          for share of c
       on conflict (source, source_key) do nothing`,
      [source, JSON.stringify(rows)],
    );
  },

  /** Sets summary fields of the source's entry under the key; nothing when it has none (an erased member's). */
  async amend(tx: Queryable, source: string, amendment: TimelineAmendment): Promise<void> {
    await tx.query(
      'update profile.timeline_entries set summary = summary || $3::jsonb where source = $1 and source_key = $2',
      [source, amendment.amends, JSON.stringify(amendment.summary)],
    );
  },

  /**
   * A page of the customer's timeline after `after`, newest first: `first + 1` rows at most. Each kind
   * asked (and each custom event type asked) is one walk of its (customer, [kind | type], occurred_at
   * desc, id desc) index from the cursor, at most a page long; the page is the newest of those, so a
   * read costs the same after millions of entries.
   */
  async page(
    db: Queryable,
    customerId: string,
    options: { first: number; after: TimelinePosition | null; filter: TimelineFilter },
  ): Promise<TimelineRow[]> {
    const params: unknown[] = [customerId, options.first + 1];
    const param = (value: unknown) => `$${params.push(value)}`;
    // Spelled out per case: a `$n is null or ...` condition would keep the planner from seeking the index.
    const after = options.after
      ? `and (occurred_at, id) < (${param(options.after.occurredAt)}::timestamptz, ${param(options.after.id)}::uuid)`
      : '';
    const { kinds, types } = options.filter;
    const branches: string[] = [];
    const eventColumns = `id, customer_id, 'CUSTOM_EVENT' as kind, occurred_at, channel, recorded_at,
                          null::jsonb as summary, type, type_version, properties`;
    if (kinds.includes(TimelineEntryKind.CUSTOM_EVENT)) {
      branches.push(
        types
          ? `select e.* from unnest(${param(types)}::text[]) as asked(type) cross join lateral (
               select ${eventColumns} from profile.customer_events
                where customer_id = $1 and type = asked.type ${after}
                order by occurred_at desc, id desc limit $2) e`
          : `(select ${eventColumns} from profile.customer_events where customer_id = $1 ${after}
               order by occurred_at desc, id desc limit $2)`,
      );
    }
    const projected = kinds.filter((kind) => kind !== TimelineEntryKind.CUSTOM_EVENT);
    if (projected.length > 0) {
      branches.push(
        `select t.* from unnest(${param(projected)}::text[]) as asked(kind) cross join lateral (
           select id, customer_id, kind, occurred_at, channel, recorded_at, summary,
                  null::text as type, null::int as type_version, null::jsonb as properties
             from profile.timeline_entries
            where customer_id = $1 and kind = asked.kind ${after}
            order by occurred_at desc, id desc limit $2) t`,
      );
    }
    const { rows } = await db.query<TimelineRow>(
      `select * from (${branches.join(' union all ')}) page order by occurred_at desc, id desc limit $2`,
      params,
    );
    return rows;
  },
};
