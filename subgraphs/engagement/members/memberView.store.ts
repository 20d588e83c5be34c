import type { Queryable } from '../../../runtime/database/database';

export interface MemberViewFacts {
  /** The latest answer per channel this view has read. */
  consents: Record<string, boolean>;
  erased: boolean;
}

/** Engagement's own record of consent, merges and erasures, kept from the profile's outbox. */
export const memberViewStore = {
  /** A channel's answer, unless the view holds a later one (events may be read again after a crash). */
  async setConsent(tx: Queryable, customerId: string, channel: string, granted: boolean, eventId: number) {
    await tx.query(
      `insert into engagement.member_consents (customer_id, channel, granted, event_id) values ($1, $2, $3, $4)
       on conflict (customer_id, channel) do update set granted = excluded.granted, event_id = excluded.event_id
         where engagement.member_consents.event_id < excluded.event_id`,
      [customerId, channel, granted, eventId],
    );
  },

  /** Many answers of one event (an import batch) in one statement, each unless the view holds a later one. */
  async setConsents(
    tx: Queryable,
    consents: ReadonlyArray<{ customerId: string; channel: string; granted: boolean }>,
    eventId: number,
  ): Promise<void> {
    if (consents.length === 0) return;
    await tx.query(
      `insert into engagement.member_consents (customer_id, channel, granted, event_id)
       select customer_id, channel, granted, $4 from unnest($1::uuid[], $2::text[], $3::boolean[]) as c (customer_id, channel, granted)
       on conflict (customer_id, channel) do update set granted = excluded.granted, event_id = excluded.event_id
         where engagement.member_consents.event_id < excluded.event_id`,
      [
        consents.map((consent) => consent.customerId),
        consents.map((consent) => consent.channel),
        consents.map((consent) => consent.granted),
        eventId,
      ],
    );
  },

  /** `mergedId` is `survivorId` from now on, and so is every id merged into `mergedId` before. */
  async merge(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    await tx.query(
      `insert into engagement.merged_customers (merged_id, survivor_id) values ($2, $1)
       on conflict (merged_id) do update set survivor_id = excluded.survivor_id`,
      [survivorId, mergedId],
    );
    await tx.query('update engagement.merged_customers set survivor_id = $1 where survivor_id = $2', [
      survivorId,
      mergedId,
    ]);
  },

  /** The member and the profiles merged into theirs are erased: their answers go, as in the profile. */
  async erase(tx: Queryable, customerId: string, erasedAt: Date): Promise<void> {
    await tx.query(
      `insert into engagement.erased_customers (customer_id, erased_at)
       select id, $2 from (select $1::uuid as id
                           union select merged_id from engagement.merged_customers where survivor_id = $1) erased
       on conflict (customer_id) do nothing`,
      [customerId, erasedAt],
    );
    await tx.query(
      `delete from engagement.member_consents
        where customer_id = $1 or customer_id in (select merged_id from engagement.merged_customers where survivor_id = $1)`,
      [customerId],
    );
  },

  /** What the view holds about members (by their current ids), one statement for all. */
  async facts(db: Queryable, customerIds: readonly string[]): Promise<Map<string, MemberViewFacts>> {
    const { rows } = await db.query<{ id: string; erased: boolean; consents: Record<string, boolean> }>(
      `select asked.id, exists (select 1 from engagement.erased_customers e where e.customer_id = asked.id) as erased,
              coalesce((select json_object_agg(k.channel, k.granted) from engagement.member_consents k
                         where k.customer_id = asked.id), '{}') as consents
         from unnest($1::uuid[]) as asked (id)`,
      [[...new Set(customerIds)]],
    );
    return new Map(rows.map((row) => [row.id, { consents: row.consents, erased: row.erased }]));
  },
};
