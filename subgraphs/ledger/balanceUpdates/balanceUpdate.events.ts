/** Type of the outbox event every balance change writes. */
export const balanceUpdatedEvent = 'BalanceUpdated';

/** Payload of a `BalanceUpdated` event. */
export interface BalanceUpdatedPayload {
  customerId: string;
  balance: number;
  change: number;
  /** Points on hold after the change (absent in events written before pending points existed). */
  pending?: number;
  pendingChange?: number;
  reason: string;
  transactionId: string;
  /** Points posted per journal entry kind (absent in events written before program metrics). */
  kinds?: Partial<Record<string, number>>;
  /** When the points were posted, by the ledger's clock (absent before program metrics). */
  postedAt?: string;
}
