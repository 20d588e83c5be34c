/** Type of the outbox event the points job writes when a member's points will expire soon. */
export const pointsExpiringEvent = 'PointsExpiring';

export interface PointsExpiringPayload {
  customerId: string;
  /** Points that expire at `expiresAt` unless spent first. */
  points: number;
  /** ISO time. */
  expiresAt: string;
  /** When the points job noticed it, by the ledger's clock (ISO). */
  occurredAt: string;
}
