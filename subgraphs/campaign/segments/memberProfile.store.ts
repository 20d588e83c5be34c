import type { Queryable } from '../../../runtime/database/database';

/** The campaign's own record of members' attributes and consent, kept from the profile's outbox. */
export const memberProfileStore = {
  /** A member the profile enrolled: known to segments from now on, with no attributes yet. */
  async enrolled(tx: Queryable, customerId: string): Promise<void> {
    await tx.query(
      `insert into campaign.member_profiles (customer_id) values ($1) on conflict (customer_id) do nothing`,
      [customerId],
    );
  },

  /** The member's attributes, whole, as the profile wrote them. */
  async setAttributes(tx: Queryable, customerId: string, attributes: Record<string, unknown>): Promise<void> {
    await tx.query(
      `insert into campaign.member_profiles (customer_id, attributes) values ($1, $2::jsonb)
       on conflict (customer_id) do update set attributes = excluded.attributes, updated_at = now()`,
      [customerId, JSON.stringify(attributes)],
    );
  },

  /** Answers per member and channel, each unless the view holds a later one (events may be read again after a crash). */
  async setConsents(
    tx: Queryable,
    consents: ReadonlyArray<{ customerId: string; channel: string; granted: boolean }>,
    eventId: number,
  ): Promise<void> {
    if (consents.length === 0) return;
    const ids = consents.map((consent) => consent.customerId);
    await tx.query(
      `insert into campaign.member_profiles (customer_id) select distinct unnest($1::uuid[]) on conflict (customer_id) do nothing`,
      [ids],
    );
    await tx.query(
      `insert into campaign.member_consents (customer_id, channel, granted, event_id)
       select customer_id, channel, granted, $4 from unnest($1::uuid[], $2::text[], $3::boolean[]) as c (customer_id, channel, granted)
       on conflict (customer_id, channel) do update set granted = excluded.granted, event_id = excluded.event_id
         where campaign.member_consents.event_id < excluded.event_id`,
      [ids, consents.map((consent) => consent.channel), consents.map((consent) => consent.granted), eventId],
    );
  },

  /**
   * The profile merged `mergedId` into `survivorId`: as the profile does, the survivor's attributes
   * win on the same key, the later answer per channel stays, and the audiences the merged id was in
   * become the survivor's.
   */
  async merge(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    await tx.query(
      `insert into campaign.member_profiles (customer_id, attributes)
       select $1, coalesce((select attributes from campaign.member_profiles where customer_id = $2), '{}')
       on conflict (customer_id) do update set attributes = excluded.attributes || campaign.member_profiles.attributes,
         updated_at = now()`,
      [survivorId, mergedId],
    );
    await tx.query(
      `insert into campaign.member_consents (customer_id, channel, granted, event_id)
       select $1, channel, granted, event_id from campaign.member_consents where customer_id = $2
       on conflict (customer_id, channel) do update set granted = excluded.granted, event_id = excluded.event_id
         where campaign.member_consents.event_id < excluded.event_id`,
      [survivorId, mergedId],
    );
    await tx.query(
      `insert into campaign.audience_members (audience_key, customer_id, added_at)
       select audience_key, $1, added_at from campaign.audience_members where customer_id = $2
       on conflict do nothing`,
      [survivorId, mergedId],
    );
    await this.forget(tx, mergedId);
    await tx.query(
      `insert into campaign.member_merges (merged_id, survivor_id) values ($2, $1)
       on conflict (merged_id) do update set survivor_id = excluded.survivor_id`,
      [survivorId, mergedId],
    );
    await tx.query('update campaign.member_merges set survivor_id = $1 where survivor_id = $2', [survivorId, mergedId]);
    // The messages engagement sent the merged member count as the survivor's.
    await tx.query('update campaign.member_messages set customer_id = $1 where customer_id = $2', [
      survivorId,
      mergedId,
    ]);
  },

  /** What the view holds of a member: gone on erasure (or into the survivor on a merge). */
  async forget(tx: Queryable, customerId: string): Promise<void> {
    for (const table of ['member_consents', 'audience_members', 'member_profiles']) {
      await tx.query(`delete from campaign.${table} where customer_id = $1`, [customerId]);
    }
  },
};
