/** What a journal entry records. */
export enum EntryKind {
  EARN = 'EARN',
  BONUS = 'BONUS',
  REDEEM = 'REDEEM',
  REVERSE = 'REVERSE',
  ADJUST = 'ADJUST',
  EXPIRE = 'EXPIRE',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
}

/** What caused an entry. */
export enum SourceType {
  ORDER = 'ORDER',
  RETURN = 'RETURN',
  REDEMPTION = 'REDEMPTION',
  CAMPAIGN = 'CAMPAIGN',
  ACTOR = 'ACTOR',
  EXPIRY = 'EXPIRY',
  ACTIVITY = 'ACTIVITY',
  MERGE = 'MERGE',
  /** A member gave points to another (TRANSFER_OUT on the giver, TRANSFER_IN on the recipient). */
  TRANSFER = 'TRANSFER',
  /** Points held to pay a basket (REDEEM), and put back by a release, an expiry or a return (REVERSE). */
  POINTS_HOLD = 'POINTS_HOLD',
  /** A stamp card completed into its reward points (BONUS). */
  WALLET = 'WALLET',
}

export interface EntryDraft {
  kind: EntryKind;
  /** Signed: credits are positive, debits negative. */
  points: number;
  reason: string;
  sourceType: SourceType;
  sourceId: string;
  ruleId?: string | null;
}

export interface PostedEntry extends EntryDraft {
  balanceAfter: number;
}

export interface Posting {
  entries: PostedEntry[];
  balance: number;
  /** Points that count towards lifetime points (earned, not transferred or adjusted). */
  earned: number;
}

/** An entry would take the balance below zero; nothing is posted. */
export class InsufficientPointsError extends Error {
  constructor(
    readonly balance: number,
    readonly requested: number,
  ) {
    super(`The balance is ${balance} points; ${requested} points were requested`);
    this.name = 'InsufficientPointsError';
  }
}

const earningKinds: ReadonlySet<EntryKind> = new Set([EntryKind.EARN, EntryKind.BONUS]);

/**
 * Applies entries, in order, to a balance. Every entry records the balance after it; the final
 * balance is the starting balance plus the sum of the entries; no intermediate balance is negative.
 */
export function postEntries(balance: number, drafts: readonly EntryDraft[]): Posting {
  let running = balance;
  let earned = 0;
  const entries: PostedEntry[] = [];
  for (const draft of drafts) {
    if (!Number.isSafeInteger(draft.points))
      throw new RangeError(`entry points must be a safe integer, got ${draft.points}`);
    const next = running + draft.points;
    if (next < 0) throw new InsufficientPointsError(running, -draft.points);
    if (!Number.isSafeInteger(next)) throw new RangeError('balance overflow');
    running = next;
    if (earningKinds.has(draft.kind) && draft.points > 0) earned += draft.points;
    entries.push({ ...draft, balanceAfter: running });
  }
  return { entries, balance: running, earned };
}

/** The reason of an imported balance's entries (one EARN per spendable lot, source ACTOR `import:<jobId>`). */
export const importedBalanceReason = 'Imported balance';
