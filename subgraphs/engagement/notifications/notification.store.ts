import type { Queryable } from '../../../runtime/database/database';
import type { MemberViewFacts } from '../members/memberView.store';
import type { ProfileMember } from '../upstream/profileMembers';
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
  campaign_key: string | null;
  offer_key: string | null;
  reward_id: string | null;
  voucher_id: string | null;
}

/** A page's message with the responses recorded to it, oldest first. */
export interface NotificationWithResponses extends NotificationRow {
  responses: Array<{ response: string; occurred_at: string; recorded_at: string }>;
}

/** What `MessageSent` says of a message the provider took. */
export interface SentMessageRow {
  id: string;
  customer_id: string;
  kind: string;
  channel: string;
  campaign_key: string | null;
  reward_id: string | null;
  voucher_id: string | null;
  sent_at: Date;
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

/**
 * What the sender needs to reach a member: the profile's answer (the profile a merged id now
 * belongs to, its name, language, preferred channel and an address per channel) with this
 * subgraph's own view of consent and erasure.
 */
export function memberFacts(member: ProfileMember, view: MemberViewFacts | undefined): MemberFacts {
  const addresses: MemberFacts['addresses'] = {};
  for (const channel of Object.values(NotificationChannel)) {
    const identity = member.identities.find((candidate) => candidate.type === addressTypes[channel]);
    if (identity) addresses[channel] = identity.value;
  }
  const consents: MemberFacts['consents'] = {};
  for (const channel of Object.values(NotificationChannel)) {
    const granted = view?.consents[channel];
    if (granted !== undefined) consents[channel] = granted;
  }
  return {
    customerId: member.id,
    givenName: member.givenName,
    language: member.language,
    birthday: member.birthday,
    preferredChannel: member.preferredChannel,
    erased: view?.erased ?? false,
    consents,
    addresses,
  };
}

export const notificationStore = {
  /** Records a decided message unless its event was decided before; true when it was new. */
  async insert(
    tx: Queryable,
    row: Omit<
      NotificationRow,
      'attempts' | 'provider' | 'provider_message_id' | 'last_error' | 'created_at' | 'sent_at'
    >,
  ): Promise<boolean> {
    const { rows } = await tx.query(
      `insert into engagement.notifications
         (id, event_key, customer_id, kind, channel, language, recipient, subject, body, status, reason, send_after,
          campaign_key, offer_key, reward_id, voucher_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
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
        row.campaign_key,
        row.offer_key,
        row.reward_id,
        row.voucher_id,
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
      `update engagement.notifications set status = 'SENDING', attempts = attempts + 1, send_after = $1
        where id in (select id from engagement.notifications where status = 'PENDING' and send_after <= $1
                      order by send_after, id limit $2 for update skip locked)
        returning *`,
      [now, limit],
    );
    return rows;
  },

  /** When the earliest PENDING message becomes due (null: none is waiting). */
  async nextDue(db: Queryable): Promise<Date | null> {
    const { rows } = await db.query<{ due: Date | null }>(
      `select min(send_after) as due from engagement.notifications where status = 'PENDING'`,
    );
    return rows[0]?.due ?? null;
  },

  /**
   * Marks a message sent, in the caller's transaction, and answers what `MessageSent` says of it:
   * the voucher it carries is its own (VOUCHER_ISSUED) or the one granted under its offer's key.
   */
  async markSent(
    tx: Queryable,
    id: string,
    provider: string,
    providerMessageId: string | null,
    at: Date,
  ): Promise<SentMessageRow> {
    const { rows } = await tx.query<SentMessageRow>(
      `update engagement.notifications n
          set status = 'SENT', provider = $2, provider_message_id = $3, sent_at = $4, last_error = null
        where id = $1
        returning n.id, n.customer_id, n.kind, n.channel, n.campaign_key,
                  coalesce(n.reward_id, (select g.reward_id from engagement.granted_vouchers g where g.grant_key = n.offer_key)) as reward_id,
                  coalesce(n.voucher_id, (select g.voucher_id from engagement.granted_vouchers g where g.grant_key = n.offer_key)) as voucher_id,
                  n.sent_at`,
      [id, provider, providerMessageId, at],
    );
    return rows[0]!;
  },

  /** A refused attempt: tried again at `retryAt`, or FAILED when there is none. */
  async markRefused(db: Queryable, id: string, provider: string, error: string, retryAt: Date | null): Promise<void> {
    await db.query(
      `update engagement.notifications
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
      `update engagement.notifications set status = 'FAILED', reason = 'INTERRUPTED'
        where status = 'SENDING' and send_after < $1 returning id`,
      [before],
    );
    return rows.length;
  },

  /**
   * A member's messages (and those of profiles merged into theirs), newest first, after the message
   * `afterId` (compared in the database, whose timestamps are finer than a cursor's).
   */
  async page(
    db: Queryable,
    customerId: string,
    afterId: string | null,
    limit: number,
  ): Promise<NotificationWithResponses[]> {
    const { rows } = await db.query<NotificationWithResponses>(
      `select n.*, coalesce((select jsonb_agg(jsonb_build_object('response', r.response, 'occurred_at', r.occurred_at,
                                                               'recorded_at', r.recorded_at) order by r.occurred_at, r.response)
                               from engagement.message_responses r where r.notification_id = n.id), '[]') as responses
         from engagement.notifications n
        where (customer_id = $1 or customer_id in (select merged_id from engagement.merged_customers where survivor_id = $1))
          and ($2::uuid is null or (n.created_at, n.id) < (select created_at, id from engagement.notifications where id = $2))
        order by n.created_at desc, n.id desc limit $3`,
      [customerId, afterId, limit],
    );
    return rows;
  },

  async template(db: Queryable, kind: string, channel: string, language: string): Promise<MessageTemplate | null> {
    const { rows } = await db.query<MessageTemplate>(
      'select subject, body from engagement.notification_templates where kind = $1 and channel = $2 and language = $3',
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
      'select kind, channel, language, subject, body, updated_at from engagement.notification_templates order by kind, channel, language',
    );
    return rows;
  },

  async saveTemplate(
    db: Queryable,
    template: MessageTemplate & { kind: string; channel: string; language: string },
    actor: unknown,
  ): Promise<Date> {
    const { rows } = await db.query<{ updated_at: Date }>(
      `insert into engagement.notification_templates (kind, channel, language, subject, body, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, now())
       on conflict (kind, channel, language) do update
         set subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by, updated_at = now()
       returning updated_at`,
      [template.kind, template.channel, template.language, template.subject, template.body, JSON.stringify(actor)],
    );
    return rows[0]!.updated_at;
  },

  /** Of the members `customerIds`, those whose message `eventKey(id)` is not decided yet. */
  async withoutMessage(db: Queryable, customerIds: readonly string[], eventKey: (customerId: string) => string) {
    if (customerIds.length === 0) return [];
    const { rows } = await db.query<{ event_key: string }>(
      'select event_key from engagement.notifications where event_key = any($1::text[])',
      [customerIds.map(eventKey)],
    );
    const decided = new Set(rows.map((row) => row.event_key));
    return customerIds.filter((id) => !decided.has(eventKey(id)));
  },

  /** Removes personal data from a member's messages (GDPR erasure); the delivery facts stay. */
  async erase(tx: Queryable, customerId: string): Promise<void> {
    await tx.query(
      `update engagement.notifications set recipient = null, subject = null, body = null
        where customer_id = $1 or customer_id in (select merged_id from engagement.merged_customers where survivor_id = $1)`,
      [customerId],
    );
  },
};
