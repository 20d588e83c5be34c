import type { Queryable } from '../../../runtime/database/database';
import { identifierKey, IdentifierType } from './identifier.rules';
import type { ConsentChannel, Customer, Identity } from './customer.type';

interface CustomerRow {
  asked_id: string;
  id: string;
  given_name: string;
  family_name: string | null;
  enrollment_channel: string;
  enrollment_store_id: string | null;
  enrolled_at: Date;
  birthday: string | null;
  preferred_channel: string | null;
  language: string | null;
  attributes: Record<string, unknown>;
  identities: Identity[];
  consents: Array<{ channel: ConsentChannel; granted: boolean; source: string; changedAt: string }>;
  merged_ids: string[];
}

// One statement for any number of ids: a merged profile's id answers with the profile it was merged
// into; identities aggregated, and the latest consent per channel.
const selectCustomers = `
  with asked as (
    select m.id as asked_id, coalesce(m.merged_into, m.id) as id from profile.customers m where m.id = any($1::uuid[])
  )
  select asked.asked_id, c.id, c.given_name, c.family_name, c.enrollment_channel, c.enrollment_store_id, c.enrolled_at,
         to_char(c.birthday, 'YYYY-MM-DD') as birthday, c.preferred_channel, c.language, c.attributes,
         coalesce(json_agg(json_build_object('type', i.type, 'value', i.value) order by i.type, i.value)
                  filter (where i.type is not null), '[]') as identities,
         (select coalesce(json_agg(json_build_object('channel', k.channel, 'granted', k.granted, 'source', k.source,
                                                     'changedAt', k.changed_at) order by k.channel), '[]')
            from (select distinct on (channel) channel, granted, source, changed_at from profile.consents
                   where customer_id = c.id order by channel, id desc) k) as consents,
         array(select m.id from profile.customers m where m.merged_into = c.id order by m.merged_at) as merged_ids
    from asked
    join profile.customers c on c.id = asked.id
    left join profile.identities i on i.customer_id = c.id
   group by asked.asked_id, c.id`;

function toCustomer(row: CustomerRow): Customer {
  const first = (type: IdentifierType) => row.identities.find((identity) => identity.type === type)?.value ?? null;
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    name: [row.given_name, row.family_name].filter(Boolean).join(' '),
    email: first(IdentifierType.EMAIL),
    phone: first(IdentifierType.PHONE),
    identities: row.identities,
    enrollmentChannel: row.enrollment_channel,
    enrollmentStoreId: row.enrollment_store_id,
    enrolledAt: new Date(row.enrolled_at),
    birthday: row.birthday,
    preferredChannel: row.preferred_channel,
    language: row.language,
    attributes: row.attributes,
    consents: row.consents.map((consent) => ({ ...consent, changedAt: new Date(consent.changedAt) })),
    cardNumber: first(IdentifierType.MEMBER_CARD),
    mergedIds: row.merged_ids,
  };
}

export interface NewCustomer {
  id: string;
  givenName: string;
  familyName: string | null;
  enrollmentChannel: string;
  enrollmentStoreId: string | null;
  birthday: string | null;
  identities: Array<{ type: IdentifierType; value: string }>;
}

/** SQL for `profile.customers` and `profile.identities`. */
export const customerStore = {
  /** Ids of live members born on a day (`born`: birthday.rules' condition on `birthday`), after an id, in id order. */
  async idsBornOn(
    db: Queryable,
    born: { sql: string; params: readonly unknown[] },
    after: string | null,
    first: number,
  ): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `select id from profile.customers
        where erased_at is null and merged_into is null and ${born.sql}
          and ($${born.params.length + 1}::uuid is null or id > $${born.params.length + 1}::uuid)
        order by id limit $${born.params.length + 2}`,
      [...born.params, after, first],
    );
    return rows.map((row) => row.id);
  },

  /** Loads many customers in one query, by the id asked for (a merged id maps to its survivor). */
  async findByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, Customer>> {
    const { rows } = await db.query<CustomerRow>(selectCustomers, [ids]);
    return new Map(rows.map((row) => [row.asked_id, toCustomer(row)]));
  },

  /** Locks the profiles of a merge, in id order (two merges touching one profile lock alike). */
  async lockForMerge(
    tx: Queryable,
    ids: readonly string[],
  ): Promise<Array<{ id: string; merged_into: string | null; erased_at: Date | null }>> {
    const { rows } = await tx.query<{ id: string; merged_into: string | null; erased_at: Date | null }>(
      'select id, merged_into, erased_at from profile.customers where id = any($1::uuid[]) order by id for update',
      [ids],
    );
    return rows;
  },

  /** The id of the newest profile event of `type` about `aggregateId`. */
  async lastEventId(tx: Queryable, type: string, aggregateId: string): Promise<string | undefined> {
    const { rows: done } = await tx.query<{ id: string }>(
      `select id from profile.events where type = $1 and aggregate_id = $2 order by id desc limit 1`,
      [type, aggregateId],
    );
    return done[0]?.id;
  },

  /** Locks the profile; true when it was merged into another meanwhile. */
  async lockAndIsMerged(tx: Queryable, customerId: string): Promise<boolean> {
    const { rows } = await tx.query<{ merged_into: string | null }>(
      'select merged_into from profile.customers where id = $1 for update',
      [customerId],
    );
    return Boolean(rows[0]!.merged_into);
  },

  /** The profile an id stands for now (itself, or the one it was merged into); undefined for no profile. */
  async currentId(db: Queryable, id: string): Promise<string | undefined> {
    const { rows } = await db.query<{ id: string }>(
      'select coalesce(merged_into, id) as id from profile.customers where id = $1',
      [id],
    );
    return rows[0]?.id;
  },

  /**
   * Moves everything `mergedId` holds to `survivorId`: identities, consent history (the latest answer
   * per channel stays the current one, whichever profile gave it), feedback, custom events, timeline entries, attributes (the
   * survivor's win on the same key) and what the survivor lacks (family name, birthday, channel,
   * language). The merged row stays, pointing at the survivor, as do rows merged into it before.
   */
  async merge(tx: Queryable, survivorId: string, mergedId: string): Promise<void> {
    for (const table of ['identities', 'consents', 'feedback', 'customer_events', 'timeline_entries']) {
      await tx.query(`update profile.${table} set customer_id = $1 where customer_id = $2`, [survivorId, mergedId]);
    }
    await tx.query(
      `update profile.customers s set
         family_name = coalesce(s.family_name, m.family_name),
         birthday = coalesce(s.birthday, m.birthday),
         preferred_channel = coalesce(s.preferred_channel, m.preferred_channel),
         language = coalesce(s.language, m.language),
         attributes = m.attributes || s.attributes
        from profile.customers m
       where s.id = $1 and m.id = $2`,
      [survivorId, mergedId],
    );
    await tx.query(
      `update profile.customers set merged_into = $1, merged_at = coalesce(merged_at, now())
        where id = $2 or merged_into = $2`,
      [survivorId, mergedId],
    );
  },

  async findIdByIdentifier(db: Queryable, type: IdentifierType, value: string): Promise<string | undefined> {
    const { rows } = await db.query<{ customer_id: string }>(
      'select customer_id from profile.identities where type = $1 and value = $2',
      [type, value],
    );
    return rows[0]?.customer_id;
  },

  /** `findIdByIdentifier` for many identifiers in one statement: each owner's id, by `identifierKey`. */
  async findIdsByIdentifiers(
    db: Queryable,
    identifiers: ReadonlyArray<{ type: IdentifierType; value: string }>,
  ): Promise<Map<string, string>> {
    const { rows } = await db.query<{ type: IdentifierType; value: string; customer_id: string }>(
      `select i.type, i.value, i.customer_id from unnest($1::text[], $2::text[]) as asked(type, value)
         join profile.identities i on i.type = asked.type and i.value = asked.value`,
      [identifiers.map((identifier) => identifier.type), identifiers.map((identifier) => identifier.value)],
    );
    return new Map(rows.map((row) => [identifierKey(row.type, row.value), row.customer_id]));
  },

  async insert(tx: Queryable, customer: NewCustomer): Promise<void> {
    await tx.query(
      `insert into profile.customers (id, given_name, family_name, enrollment_channel, enrollment_store_id, birthday)
       values ($1, $2, $3, $4, $5, $6::date)`,
      [
        customer.id,
        customer.givenName,
        customer.familyName,
        customer.enrollmentChannel,
        customer.enrollmentStoreId,
        customer.birthday,
      ],
    );
    for (const identity of customer.identities) {
      await tx.query('insert into profile.identities (type, value, customer_id) values ($1, $2, $3)', [
        identity.type,
        identity.value,
        customer.id,
      ]);
    }
  },

  /** Replaces the member's card number (a lost card, a leaked code): the old one stops resolving. */
  async replaceCard(tx: Queryable, customerId: string, cardNumber: string): Promise<void> {
    await tx.query(`delete from profile.identities where customer_id = $1 and type = 'MEMBER_CARD'`, [customerId]);
    await tx.query(`insert into profile.identities (type, value, customer_id) values ('MEMBER_CARD', $1, $2)`, [
      cardNumber,
      customerId,
    ]);
  },

  async update(
    tx: Queryable,
    customerId: string,
    changes: {
      givenName?: string | null;
      familyName?: string | null;
      birthday?: string | null;
      preferredChannel?: string | null;
      language?: string | null;
      attributes?: Record<string, unknown> | null;
    },
  ): Promise<Record<string, unknown> | null> {
    const { rows } = await tx.query<{ attributes: Record<string, unknown> }>(
      `update profile.customers set
         given_name = coalesce($2, given_name),
         family_name = case when $3::boolean then $4 else family_name end,
         birthday = case when $5::boolean then $6::date else birthday end,
         preferred_channel = case when $7::boolean then $8 else preferred_channel end,
         language = case when $9::boolean then $10 else language end,
         attributes = case when $11::jsonb is null then attributes
                           else jsonb_strip_nulls(attributes || $11::jsonb) end
       where id = $1 returning attributes`,
      [
        customerId,
        changes.givenName ?? null,
        changes.familyName !== undefined,
        changes.familyName ?? null,
        changes.birthday !== undefined,
        changes.birthday ?? null,
        changes.preferredChannel !== undefined,
        changes.preferredChannel ?? null,
        changes.language !== undefined,
        changes.language ?? null,
        changes.attributes ? JSON.stringify(changes.attributes) : null,
      ],
    );
    return rows[0]?.attributes ?? null;
  },

  async addConsent(
    tx: Queryable,
    consent: { customerId: string; channel: string; granted: boolean; source: string; actor: unknown },
  ): Promise<void> {
    await tx.query(
      `insert into profile.consents (customer_id, channel, granted, source, actor) values ($1, $2, $3, $4, $5::jsonb)`,
      [consent.customerId, consent.channel, consent.granted, consent.source, JSON.stringify(consent.actor)],
    );
  },
};
