import type { Queryable } from '../../../runtime/database/database';
import type { MessageRespondedPayload, MessageSentPayload } from '../../engagement/contract/events';

/** The column of each response's first time (fixed names: never built from input). */
export const responseColumns = {
  OPENED: 'opened_at',
  CLICKED: 'clicked_at',
  REDEEMED: 'redeemed_at',
} as const satisfies Record<MessageRespondedPayload['response'], string>;

/** The campaign's record of the messages engagement sent and their responses, for segments. */
export const memberMessageStore = {
  /** A sent message, counted as the survivor's when its member was merged away since (member_merges). */
  async sent(tx: Queryable, sent: MessageSentPayload): Promise<void> {
    await tx.query(
      `insert into campaign.member_messages (message_id, customer_id, kind, channel, campaign_key, sent_at)
       values ($1, coalesce((select survivor_id from campaign.member_merges where merged_id = $2::uuid), $2::uuid),
               $3, $4, $5, $6)
       on conflict (message_id) do nothing`,
      [sent.messageId, sent.customerId, sent.kind, sent.channel, sent.campaignKey, sent.sentAt],
    );
  },

  /** Keeps the first time of a response (engagement records each once; a replay changes nothing). */
  async responded(tx: Queryable, responded: MessageRespondedPayload): Promise<void> {
    const column = responseColumns[responded.response];
    await tx.query(`update campaign.member_messages set ${column} = coalesce(${column}, $2) where message_id = $1`, [
      responded.messageId,
      responded.occurredAt,
    ]);
  },
};
