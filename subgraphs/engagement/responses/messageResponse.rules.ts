import { messageResponses, type MessageResponseKind } from '../contract/events';

export { messageResponses, type MessageResponseKind };

/** What a member may record of their own messages from the app; redemptions come from the voucher's use. */
export const memberResponses: readonly MessageResponseKind[] = ['OPENED', 'CLICKED'];

/** A provider's or app's clock may run a little ahead of ours; further ahead is a bad time. */
export const futureToleranceMs = 5 * 60_000;

/** What recording a response needs to know of its message. */
export interface RespondedMessage {
  status: string;
  sentAt: Date | null;
}

export interface ResponseProblem {
  /** The input field at fault. */
  field: 'messageId' | 'occurredAt';
  message: string;
}

/**
 * Null when `occurredAt` can be a response to the message, else what is wrong: a message never
 * sent (suppressed, failed, still waiting) has nothing to respond to, and a response cannot come
 * before the message was sent nor from the future.
 */
export function responseProblem(message: RespondedMessage, occurredAt: Date, now: Date): ResponseProblem | null {
  if (message.status !== 'SENT' || message.sentAt === null)
    return { field: 'messageId', message: `the message was not sent (it is ${message.status}): nothing to respond to` };
  if (Number.isNaN(occurredAt.getTime())) return { field: 'occurredAt', message: 'occurredAt is not a time' };
  if (occurredAt.getTime() < message.sentAt.getTime())
    return {
      field: 'occurredAt',
      message: `occurredAt is before the message was sent (${message.sentAt.toISOString()})`,
    };
  if (occurredAt.getTime() > now.getTime() + futureToleranceMs)
    return { field: 'occurredAt', message: 'occurredAt is in the future' };
  return null;
}

/**
 * The responses one report records: a click is also an open (a mail client that blocks the
 * tracking pixel still lets the member click), so "did not open" never holds a member who clicked.
 */
export function impliedResponses(response: MessageResponseKind): MessageResponseKind[] {
  return response === 'CLICKED' ? ['OPENED', 'CLICKED'] : [response];
}
