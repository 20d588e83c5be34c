import type { Queryable } from '../../../runtime/database/database';
import { bornOn, isLeapYear } from '../customers/birthday.rules';
import type { MessageTemplate } from './notification.templates';
import { NotificationChannel, type NotificationStatus, type Recipient } from './notification.rules';

export interface NotificationRow {
  id: string;
  event_key: string;
  customer_id: string;
  kind: string;
  channel: string | null;
  language: string;
  recipient: string | null;
  subject: string | null;
  body: string | null;
  status: NotificationStatus;
  reason: string | null;
  attempts: number;
  send_after: Date;
  provider: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface MemberFacts extends Recipient {
  customerId: string;
  givenName: string;
  language: string | null;
  birthday: string | null;
}

const addressTypes: Record<NotificationChannel, string> = {
  [NotificationChannel.EMAIL]: 'EMAIL',
  [NotificationChannel.SMS]: 'PHONE',
  [NotificationChannel.PUSH]: 'APP_MEMBER_ID',
};

export const notificationStore = {
  /**
   * What the sender needs to reach a member: the profile a merged id now belongs to, its language,
   * preferred channel, latest consent per channel, and an address per channel.
   */
  async member(db: Queryable, customerId: string): Promise<MemberFacts | null> {
    const { rows } = await db.query<{
      id: string;
      given_name: string;
      language: string | null;
      preferred_channel: string | null;
      birthday: string | null;
      erased_at: Date | null;
      consents: Array<{ channel: NotificationChannel; granted: boolean }>;
      identities: Array<{ type: string; value: string }>;
    }>(
      `select c.id, c.given_name, c.language, c.preferred_channel, to_char(c.birthday, 'YYYY-MM-DD') as birthday,
              c.erased_at,
              coalesce((select json_agg(json_build_object('channel', k.channel, 'granted', k.granted))
                 from (select distinct on (channel) channel, granted from profile.consents
                        where customer_id = c.id order by channel, id desc) k), '[]') as consents,
              coalesce((select json_agg(json_build_object('type', i.type, 'value', i.value) order by i.created_at)
                 from profile.identities i where i.customer_id = c.id), '[]') as identities
         from profile.customers c
        where c.id = coalesce((select merged_into from profile.customers where id = $1), $1)`,
      [customerId],
    );
    const row = rows[0];
    if (!row) return null;
    const addresses: MemberFacts['addresses'] = {};
    for (const channel of Object.values(NotificationChannel)) {
      const identity = row.identities.find((candidate) => candidate.type === addressTypes[channel]);
      if (identity) addresses[channel] = identity.value;
    }
    return {
      customerId: row.id,
      givenName: row.given_name,
      language: row.language,
      birthday: row.birthday,
      preferredChannel: row.preferred_channel,
      erased: row.erased_at !== null,
      consents: Object.fromEntries(row.consents.map((consent) => [consent.channel, consent.granted])),
      addresses,
    };
  },

  /** Records a decided message unless its event was decided before; true when it was new. */
  async insert(
    tx: Queryable,
    row: Omit<
      NotificationRow,
      'attempts' | 'provider' | 'provider_message_id' | 'last_error' | 'created_at' | 'sent_at'
    >,
  ): Promise<boolean> {
    const { rows } = await tx.query(
      `insert into profile.notifications
         (id, event_key, customer_id, kind, channel, language, recipient, subject, body, status, reason, send_after)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (event_key) do nothing returning id`,
      [
        row.id,
        row.event_key,
        row.customer_id,
        row.kind,
        row.channel,
        row.language,
        row.recipient,
        row.subject,
        row.body,
        row.status,
        row.reason,
        row.send_after,
      ],
    );
    return rows.length > 0;
  },

  /**
   * Takes up to `limit` due messages for sending (SENDING), skipping rows another instance holds, so
   * each message is handed to a provider by one sender only.
   */
  async claimDue(tx: Queryable, now: Date, limit: number): Promise<NotificationRow[]> {
    const { rows } = await tx.query<NotificationRow>(
      `update profile.notifications set status = 'SENDING', attempts = attempts + 1, send_after = $1
        where id in (select id from profile.notifications where status = 'PENDING' and send_after <= $1
                      order by send_after, id limit $2 for update skip locked)
        returning *`,
      [now, limit],
    );
    return rows;
  },

  /** When the earliest PENDING message becomes due (null: none is waiting). */
  async nextDue(db: Queryable): Promise<Date | null> {
    const { rows } = await db.query<{ due: Date | null }>(
      `select min(send_after) as due from profile.notifications where status = 'PENDING'`,
    );
    return rows[0]?.due ?? null;
  },

  async markSent(
    db: Queryable,
    id: string,
    provider: string,
    providerMessageId: string | null,
    at: Date,
  ): Promise<void> {
    await db.query(
      `update profile.notifications set status = 'SENT', provider = $2, provider_message_id = $3, sent_at = $4,
              last_error = null where id = $1`,
      [id, provider, providerMessageId, at],
    );
  },

  /** A refused attempt: tried again at `retryAt`, or FAILED when there is none. */
  async markRefused(db: Queryable, id: string, provider: string, error: string, retryAt: Date | null): Promise<void> {
    await db.query(
      `update profile.notifications
          set status = case when $4::timestamptz is null then 'FAILED' else 'PENDING' end,
              send_after = coalesce($4::timestamptz, send_after), provider = $2, last_error = $3,
              reason = case when $4::timestamptz is null then 'PROVIDER_REFUSED' else reason end
        where id = $1`,
      [id, provider, error.slice(0, 500), retryAt],
    );
  },

  /**
   * Messages left SENDING (since `send_after`, the claim time) by a sender that stopped mid-send are
   * not sent again: the provider may have taken them, and a member must never get one twice.
   */
  async failInterrupted(db: Queryable, before: Date): Promise<number> {
    const { rows } = await db.query(
      `update profile.notifications set status = 'FAILED', reason = 'INTERRUPTED'
        where status = 'SENDING' and send_after < $1 returning id`,
      [before],
    );
    return rows.length;
  },

  /**
   * A member's messages (and those of profiles merged into theirs), newest first, after the message
   * `afterId` (compared in the database, whose timestamps are finer than a cursor's).
   */
  async page(db: Queryable, customerId: string, afterId: string | null, limit: number): Promise<NotificationRow[]> {
    const { rows } = await db.query<NotificationRow>(
      `select * from profile.notifications
        where (customer_id = $1 or customer_id in (select id from profile.customers where merged_into = $1))
          and ($2::uuid is null or (created_at, id) < (select created_at, id from profile.notifications where id = $2))
        order by created_at desc, id desc limit $3`,
      [customerId, afterId, limit],
    );
    return rows;
  },

  async template(db: Queryable, kind: string, channel: string, language: string): Promise<MessageTemplate | null> {
    const { rows } = await db.query<MessageTemplate>(
      'select subject, body from profile.notification_templates where kind = $1 and channel = $2 and language = $3',
      [kind, channel, language],
    );
    return rows[0] ?? null;
  },

  async templates(
    db: Queryable,
  ): Promise<Array<MessageTemplate & { kind: string; channel: string; language: string; updated_at: Date }>> {
    const { rows } = await db.query<
      MessageTemplate & { kind: string; channel: string; language: string; updated_at: Date }
    >(
      'select kind, channel, language, subject, body, updated_at from profile.notification_templates order by kind, channel, language',
    );
    return rows;
  },

  async saveTemplate(
    db: Queryable,
    template: MessageTemplate & { kind: string; channel: string; language: string },
    actor: unknown,
  ): Promise<Date> {
    const { rows } = await db.query<{ updated_at: Date }>(
      `insert into profile.notification_templates (kind, channel, language, subject, body, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, now())
       on conflict (kind, channel, language) do update
         set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by, updated_at = now()
       returning updated_at`,
      [template.kind, template.channel, template.language, template.subject, template.body, JSON.stringify(actor)],
    );
    return rows[0]!.updated_at;
  },

  /**
   * Members born on `day`'s month and day (29 February on 28 February in other years), not erased
   * or merged away, whose birthday message of its year is not decided yet.
   */
  async birthdaysWithoutMessage(db: Queryable, day: Date, eventKeyPrefix: string): Promise<string[]> {
    const year = day.getUTCFullYear();
    const born = bornOn(day.getUTCMonth() + 1, day.getUTCDate(), isLeapYear(year));
    const { rows } = await db.query<{ id: string }>(
      `select c.id from profile.customers c
        where ${born.sql} and c.erased_at is null and c.merged_into is null
          and not exists (select 1 from profile.notifications n where n.event_key = $4 || c.id || $5)`,
      [...born.params, `${eventKeyPrefix}:`, `:${year}`],
    );
    return rows.map((row) => row.id);
  },

  /** Removes personal data from a member's messages (GDPR erasure); the delivery facts stay. */
  async erase(tx: Queryable, customerId: string): Promise<void> {
    await tx.query(
      `update profile.notifications set recipient = null, subject = null, body = null
        where customer_id = $1 or customer_id in (select id from profile.customers where merged_into = $1)`,
      [customerId],
    );
  },
};
