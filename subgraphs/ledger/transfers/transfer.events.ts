/** Type of the outbox event written when a member gives points to another. */
export const pointsTransferredEvent = 'PointsTransferred';

export interface PointsTransferredPayload {
  /** The giver, as in every ledger event about a customer (the event's aggregate). */
  customerId: string;
  transferId: string;
  fromCustomerId: string;
  toCustomerId: string;
  points: number;
  note: string | null;
  /** When the points moved, by the ledger's clock (ISO). */
  occurredAt: string;
}
