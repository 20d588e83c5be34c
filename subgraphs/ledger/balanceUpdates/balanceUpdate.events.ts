/** Type of the outbox event every balance change writes. */
export const balanceUpdatedEvent = 'BalanceUpdated';

/** Payload of a `BalanceUpdated` event. */
export interface BalanceUpdatedPayload {
  customerId: string;
  balance: number;
  change: number;
  reason: string;
  transactionId: string;
}
