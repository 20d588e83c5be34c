/** Type of the outbox event written when a member's tier changes. */
export const tierChangedEvent = 'TierChanged';

export interface TierChangedPayload {
  customerId: string;
  from: string;
  to: string;
  direction: 'UP' | 'DOWN';
  qualifyingPoints: number;
  /** ISO time of the next review, when the tier can go down; null for the first tier. */
  reviewAt: string | null;
}
