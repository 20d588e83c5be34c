/** Points earned together, spent and expired first-in first-out. */
export interface Lot {
  id: number;
  /** Points of this lot not yet spent, reversed or expired. */
  remaining: number;
  earnedAt: Date;
  /** `null`: never expires by date (no policy, or expiry after inactivity). */
  expiresAt: Date | null;
  /** The purchase that earned the lot, if one did. */
  orderId: string | null;
}

export interface LotTake {
  lotId: number;
  points: number;
}

/**
 * The order lots are spent in: soonest to expire first (so a member loses as little as possible),
 * then oldest earned, then oldest recorded. Lots that never expire by date go last.
 */
export function spendingOrder(a: Lot, b: Lot): number {
  const aExpires = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bExpires = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (aExpires !== bExpires) return aExpires < bExpires ? -1 : 1;
  if (a.earnedAt.getTime() !== b.earnedAt.getTime()) return a.earnedAt.getTime() - b.earnedAt.getTime();
  return a.id - b.id;
}

/**
 * Takes `points` from `lots`: first from the lots of `preferOrderId` (a return takes back its own
 * purchase's points first), then in spending order. Never takes more than a lot holds; what the
 * lots cannot cover is the `shortfall`.
 */
export function takeFromLots(
  lots: readonly Lot[],
  points: number,
  preferOrderId: string | null = null,
): { takes: LotTake[]; shortfall: number } {
  if (!Number.isSafeInteger(points) || points < 0) throw new RangeError(`points to take must be >= 0, got ${points}`);
  const ordered = [...lots].sort((a, b) => {
    const aPreferred = preferOrderId !== null && a.orderId === preferOrderId;
    const bPreferred = preferOrderId !== null && b.orderId === preferOrderId;
    if (aPreferred !== bPreferred) return aPreferred ? -1 : 1;
    return spendingOrder(a, b);
  });
  const takes: LotTake[] = [];
  let left = points;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    if (take > 0) {
      takes.push({ lotId: lot.id, points: take });
      left -= take;
    }
  }
  return { takes, shortfall: left };
}

/** How points expire: never, N months after they were earned, or all of them after N months without activity. */
export type ExpiryPolicy =
  { kind: 'NEVER' } | { kind: 'AFTER_EARNING'; months: number } | { kind: 'AFTER_INACTIVITY'; months: number };

/** `date` plus `months` calendar months in UTC; the 31st becomes the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** When points earned at `earnedAt` expire under `policy`, if by date at all. */
export function lotExpiry(policy: ExpiryPolicy, earnedAt: Date): Date | null {
  return policy.kind === 'AFTER_EARNING' ? addMonths(earnedAt, policy.months) : null;
}

/** When a member's whole balance expires for inactivity, if the policy does that. */
export function inactivityExpiry(policy: ExpiryPolicy, lastActivityAt: Date | null): Date | null {
  return policy.kind === 'AFTER_INACTIVITY' && lastActivityAt ? addMonths(lastActivityAt, policy.months) : null;
}

/** Reads `never`, `after-earning:<months>` or `after-inactivity:<months>`. */
export function parseExpiryPolicy(text: string): ExpiryPolicy | undefined {
  if (text === 'never') return { kind: 'NEVER' };
  const match = /^(after-earning|after-inactivity):(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const months = Number(match[2]);
  if (months < 1 || months > 240) return undefined;
  return { kind: match[1] === 'after-earning' ? 'AFTER_EARNING' : 'AFTER_INACTIVITY', months };
}

export function describeExpiryPolicy(policy: ExpiryPolicy): string {
  switch (policy.kind) {
    case 'NEVER':
      return 'Points never expire';
    case 'AFTER_EARNING':
      return `Points expire ${policy.months} months after they were earned, oldest first`;
    case 'AFTER_INACTIVITY':
      return `All points expire after ${policy.months} months without a purchase or redemption`;
  }
}

/** Points of a member that expire together, as announced ahead of time. */
export interface ExpiryNotice {
  points: number;
  expiresAt: Date;
}

/** `lots` (that expire by date) as one notice per expiry date, soonest first; lots holding nothing are left out. */
export function expiryNotices(lots: ReadonlyArray<Pick<Lot, 'remaining' | 'expiresAt'>>): ExpiryNotice[] {
  const byDate = new Map<number, number>();
  for (const lot of lots) {
    if (lot.expiresAt === null || lot.remaining <= 0) continue;
    const at = lot.expiresAt.getTime();
    byDate.set(at, (byDate.get(at) ?? 0) + lot.remaining);
  }
  return [...byDate.entries()].sort(([a], [b]) => a - b).map(([at, points]) => ({ points, expiresAt: new Date(at) }));
}
