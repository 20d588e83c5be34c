import type { Queryable } from '../../../runtime/database/database';
import { IdentifierType } from '../customers/identifier.rules';

/** A member of an import batch as it is written: a new profile with its identities and consent. */
export interface ImportedMemberRow {
  id: string;
  givenName: string;
  familyName: string | null;
  enrollmentChannel: string;
  enrollmentStoreId: string | null;
  enrolledAt: Date;
  birthday: string | null;
  preferredChannel: string | null;
  language: string | null;
  attributes: Record<string, unknown>;
  identities: Array<{ type: IdentifierType; value: string }>;
  consents: Array<{ channel: string; granted: boolean; source: string; at: Date }>;
}

/** SQL of the MEMBERS import: each statement covers the whole batch, whatever its size. */
export const memberImportStore = {
  /** Which of these identities a profile owns already (`type:value` → customer id), in one statement. */
  async owners(
    db: Queryable,
    identities: ReadonlyArray<{ type: string; value: string }>,
  ): Promise<Map<string, string>> {
    if (identities.length === 0) return new Map();
    const { rows } = await db.query<{ type: string; value: string; customer_id: string }>(
      `select i.type, i.value, i.customer_id
         from unnest($1::text[], $2::text[]) as asked (type, value)
         join profile.identities i on i.type = asked.type and i.value = asked.value`,
      [identities.map((identity) => identity.type), identities.map((identity) => identity.value)],
    );
    return new Map(rows.map((row) => [`${row.type}:${row.value}`, row.customer_id]));
  },

  /**
   * Writes the members: one statement for the profiles, one for the identities, one for the consent.
   * An identity another transaction holds is not written: the answer is then false and the caller
   * must roll the batch back (its members would lack an identifier).
   */
  async insert(
    tx: Queryable,
    members: readonly ImportedMemberRow[],
    actor: { role: string; subject: string },
  ): Promise<boolean> {
    if (members.length === 0) return true;
    // Column arrays built in one pass (typed `unnest`, no JSON to parse; a batch is ~10,000 identities).
    const profiles = {
      ids: [] as string[],
      givenNames: [] as string[],
      familyNames: [] as Array<string | null>,
      channels: [] as string[],
      stores: [] as Array<string | null>,
      enrolledAt: [] as string[],
      birthdays: [] as Array<string | null>,
      preferredChannels: [] as Array<string | null>,
      languages: [] as Array<string | null>,
      attributes: [] as string[],
    };
    const identities = { types: [] as string[], values: [] as string[], customers: [] as string[], at: [] as string[] };
    const consents = {
      customers: [] as string[],
      channels: [] as string[],
      granted: [] as boolean[],
      sources: [] as string[],
      at: [] as string[],
    };
    for (const member of members) {
      const enrolledAt = member.enrolledAt.toISOString();
      profiles.ids.push(member.id);
      profiles.givenNames.push(member.givenName);
      profiles.familyNames.push(member.familyName);
      profiles.channels.push(member.enrollmentChannel);
      profiles.stores.push(member.enrollmentStoreId);
      profiles.enrolledAt.push(enrolledAt);
      profiles.birthdays.push(member.birthday);
      profiles.preferredChannels.push(member.preferredChannel);
      profiles.languages.push(member.language);
      profiles.attributes.push(JSON.stringify(member.attributes));
      for (const identity of member.identities) {
        identities.types.push(identity.type);
        identities.values.push(identity.value);
        identities.customers.push(member.id);
        identities.at.push(enrolledAt);
      }
      for (const consent of member.consents) {
        consents.customers.push(member.id);
        consents.channels.push(consent.channel);
        consents.granted.push(consent.granted);
        consents.sources.push(consent.source);
        consents.at.push(consent.at === member.enrolledAt ? enrolledAt : consent.at.toISOString());
      }
    }
    await tx.query(
      `insert into profile.customers (id, given_name, family_name, enrollment_channel, enrollment_store_id, enrolled_at,
                                      birthday, preferred_channel, language, attributes)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::date[],
                            $8::text[], $9::text[], $10::jsonb[])`,
      [
        profiles.ids,
        profiles.givenNames,
        profiles.familyNames,
        profiles.channels,
        profiles.stores,
        profiles.enrolledAt,
        profiles.birthdays,
        profiles.preferredChannels,
        profiles.languages,
        profiles.attributes,
      ],
    );
    // `on conflict do nothing` waits for a concurrent writer of the same identifier, then skips it:
    // the count tells, without a unique violation aborting the transaction.
    const written = await tx.query(
      `insert into profile.identities (type, value, customer_id, created_at)
       select * from unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[])
       on conflict do nothing`,
      [identities.types, identities.values, identities.customers, identities.at],
    );
    if (written.rowCount !== identities.types.length) return false;
    if (consents.customers.length === 0) return true;
    await tx.query(
      `insert into profile.consents (customer_id, channel, granted, source, actor, changed_at)
       select customer_id, channel, granted, source, $5::jsonb, changed_at
         from unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $6::timestamptz[])
           as c (customer_id, channel, granted, source, changed_at)`,
      [consents.customers, consents.channels, consents.granted, consents.sources, JSON.stringify(actor), consents.at],
    );
    return true;
  },

  /** As `insert`, but an identity held elsewhere undoes the whole write (a savepoint) instead of leaving it to the caller. */
  async insertOrUndo(
    tx: Queryable,
    members: readonly ImportedMemberRow[],
    actor: { role: string; subject: string },
  ): Promise<boolean> {
    await tx.query('savepoint members_unchecked');
    if (await memberImportStore.insert(tx, members, actor)) return true;
    await tx.query('rollback to savepoint members_unchecked');
    return false;
  },

  /**
   * The profiles of imported members by their legacy key, in one statement; a merged profile's
   * key answers with the profile it lives in now, unknown keys are left out.
   */
  async idsByKey(db: Queryable, keys: readonly string[]): Promise<Array<{ key: string; customerId: string }>> {
    if (keys.length === 0) return [];
    const { rows } = await db.query<{ key: string; customer_id: string }>(
      `select i.value as key, coalesce(c.merged_into, c.id) as customer_id
         from profile.identities i
         join profile.customers c on c.id = i.customer_id
        where i.type = $1 and i.value = any($2::text[])
        order by i.value`,
      [IdentifierType.LEGACY_MEMBER_ID, [...new Set(keys)]],
    );
    return rows.map((row) => ({ key: row.key, customerId: row.customer_id }));
  },
};
