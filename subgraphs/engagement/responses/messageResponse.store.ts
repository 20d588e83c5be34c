import type { Queryable } from '../../../runtime/database/database';
import type { MessageResponseKind } from './messageResponse.rules';

/** A message as recording a response to it sees it. */
export interface RespondedMessageRow {
  id: string;
  customer_id: string;
  /** The member it belongs to now: its customer, or the survivor of a merge of that customer. */
  owner_id: string;
  kind: string;
  status: string;
  sent_at: Date | null;
  campaign_key: string | null;
}

export interface MessageResponseRow {
  notification_id: string;
  response: MessageResponseKind;
  occurred_at: Date;
  recorded_at: Date;
}

const messageColumns = `n.id, n.customer_id, coalesce(m.survivor_id, n.customer_id) as owner_id, n.kind, n.status,
  n.sent_at, n.campaign_key`;

export const messageResponseStore = {
  /** The message, locked, so that two reports of its first open race to one winner; null when unknown. */
  async lockMessage(tx: Queryable, id: string): Promise<RespondedMessageRow | null> {
    const { rows } = await tx.query<RespondedMessageRow>(
      `select ${messageColumns} from engagement.notifications n
         left join engagement.merged_customers m on m.merged_id = n.customer_id
        where n.id = $1 for update of n`,
      [id],
    );
    return rows[0] ?? null;
  },

  /** Records a response unless the message has it already; the row recorded now, or null for a retry. */
  async insert(
    tx: Queryable,
    message: RespondedMessageRow,
    response: MessageResponseKind,
    occurredAt: Date,
    actor: unknown,
  ): Promise<MessageResponseRow | null> {
    const { rows } = await tx.query<MessageResponseRow>(
      `insert into engagement.message_responses (notification_id, response, customer_id, occurred_at, recorded_by)
       values ($1, $2, $3, $4, $5::jsonb)
       on conflict (notification_id, response) do nothing
       returning notification_id, response, occurred_at, recorded_at`,
      [message.id, response, message.customer_id, occurredAt, JSON.stringify(actor)],
    );
    return rows[0] ?? null;
  },

  async find(db: Queryable, id: string, response: MessageResponseKind): Promise<MessageResponseRow | null> {
    const { rows } = await db.query<MessageResponseRow>(
      `select notification_id, response, occurred_at, recorded_at from engagement.message_responses
        where notification_id = $1 and response = $2`,
      [id, response],
    );
    return rows[0] ?? null;
  },

  /** Keeps the voucher rewards granted under a key (an absence timer's), for the message that announced it. */
  async recordGrant(tx: Queryable, grantKey: string, voucherId: string, rewardId: string): Promise<void> {
    await tx.query(
      `insert into engagement.granted_vouchers (grant_key, voucher_id, reward_id) values ($1, $2, $3)
       on conflict do nothing`,
      [grantKey, voucherId, rewardId],
    );
  },

  /**
   * The sent messages that carried a voucher: a VOUCHER_ISSUED naming it, or a message announcing
   * the grant that issued it (an ABSENCE_OFFER), locked as `lockMessage` does.
   */
  async carrying(tx: Queryable, voucherId: string): Promise<RespondedMessageRow[]> {
    const { rows } = await tx.query<RespondedMessageRow>(
      `select ${messageColumns} from engagement.notifications n
         left join engagement.merged_customers m on m.merged_id = n.customer_id
        where n.voucher_id = $1
           or n.offer_key = (select g.grant_key from engagement.granted_vouchers g where g.voucher_id = $1)
        order by n.id for update of n`,
      [voucherId],
    );
    return rows;
  },
};
