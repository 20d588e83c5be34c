import type { Queryable } from '../../../runtime/database/database';

/** SQL of a GDPR export and erasure: everything the profile holds about one member. */
export const privacyStore = {
  /** Which of `ids` name an erased profile. */
  async erasedAmong(db: Queryable, ids: readonly string[]): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      'select id from profile.customers where id = any($1::uuid[]) and erased_at is not null order by id',
      [ids],
    );
    return rows.map((row) => row.id);
  },

  /** The member's rows, table by table, as the export shows them. */
  async exportOf(db: Queryable, customerId: string): Promise<Record<string, unknown>> {
    const q = async <Row>(sql: string) => (await db.query<Row>(sql, [customerId])).rows;
    // The caller has refused an id no profile has.
    const [profile] = await q<Record<string, unknown>>('select * from profile.customers where id = $1');
    return {
      profile,
      mergedProfiles: await q('select * from profile.customers where merged_into = $1 order by merged_at'),
      identities: await q(
        'select type, value, created_at from profile.identities where customer_id = $1 order by type',
      ),
      consentHistory: await q(
        'select channel, granted, source, actor, changed_at from profile.consents where customer_id = $1 order by id',
      ),
      feedback: await q(
        'select score, comment, channel, created_at from profile.feedback where customer_id = $1 order by created_at',
      ),
      customEvents: await q(
        `select type, type_version, properties, occurred_at, channel, recorded_at from profile.customer_events
          where customer_id = $1 order by occurred_at, id`,
      ),
      events: await q(
        `select id, type, payload, actor, created_at from profile.events where aggregate_id = $1::text order by id`,
      ),
    };
  },

  /**
   * Locks the member's profile, then erases identities, consents, feedback comments, custom events'
   * properties and the timeline's entries of other subgraphs (what they record stays with them).
   */
  async eraseContactData(tx: Queryable, customerId: string): Promise<void> {
    await tx.query('select 1 from profile.customers where id = $1 for update', [customerId]);
    await tx.query('delete from profile.identities where customer_id = $1', [customerId]);
    await tx.query('delete from profile.consents where customer_id = $1', [customerId]);
    await tx.query('update profile.feedback set comment = null where customer_id = $1', [customerId]);
    await tx.query('delete from profile.timeline_entries where customer_id = $1', [customerId]);
    await tx.query(
      'update profile.customer_events set properties = null where customer_id = $1 and properties is not null',
      [customerId],
    );
    // The outbox keeps that the events happened, not what they said (a review's text is the member's).
    await tx.query(
      `update profile.events set payload = jsonb_set(payload, '{properties}', '{}'::jsonb)
        where type = 'CustomerEventTracked'
          and aggregate_id in (select id::text from profile.customers where id = $1 or merged_into = $1)`,
      [customerId],
    );
  },

  /**
   * ProfileUpdated events carry the member's attributes (for campaign's segments): personal data,
   * so they leave the outbox with the profile. Consumers that read the events have applied them or
   * read them without attributes, as they read events written before the field existed.
   */
  async eraseEventAttributes(tx: Queryable, customerIds: readonly string[]): Promise<void> {
    await tx.query(
      `update profile.events set payload = payload - 'attributes'
        where type = 'ProfileUpdated' and aggregate_id = any($1::text[]) and payload ? 'attributes'`,
      [[...customerIds]],
    );
  },

  /** Blanks the profile and the profiles merged into it; returns when each was erased. */
  async eraseProfiles(tx: Queryable, customerId: string): Promise<Array<{ id: string; erased_at: Date }>> {
    const { rows: erased } = await tx.query<{ id: string; erased_at: Date }>(
      `update profile.customers set given_name = 'Erased member', family_name = null, birthday = null,
         preferred_channel = null, language = null, attributes = '{}', enrollment_store_id = null,
         erased_at = coalesce(erased_at, now())
       where id = $1 or merged_into = $1 returning id, erased_at`,
      [customerId],
    );
    return erased;
  },
};
