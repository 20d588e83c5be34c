import { channelName, formatPoints, formatRecentDay } from '../shared/format.js';

/** A line of the member's history: a journal entry read with the wallet, or a live balance change. */
export interface HistoryLine {
  points: number;
  reason: string;
  at: string;
  /** The journal entry's kind and source; a live balance change has only its reason. */
  kind?: string;
  sourceType?: string;
}

const redeemed = /^Redeemed: (.+)$/;
const refunded = /^Refund: (?:Redeemed: )?(.+)$/;
// The ledger's wording of a live purchase or return names the till's order id, which means nothing to a member.
const livePurchase = /^Purchase .+ \((\w+)\)$/;
const liveReturn = /^Return .+ of purchase /;

function what(line: HistoryLine): { verb: string; subject: string } {
  const { kind, sourceType, reason, points } = line;
  const purchase = livePurchase.exec(reason);
  if (purchase) return { verb: 'Earned', subject: `purchase ${channelName(purchase[1]!)}` };
  if ((kind === 'REVERSE' && sourceType === 'RETURN') || liveReturn.test(reason))
    return { verb: 'Taken back', subject: 'items returned' };
  const redemption = redeemed.exec(reason);
  if (kind === 'REDEEM' || redemption) return { verb: 'Redeemed', subject: redemption?.[1] ?? reason };
  const refund = refunded.exec(reason);
  if (refund) return { verb: 'Given back', subject: `${refund[1]} (refunded)` };
  if (kind === 'EXPIRE') return { verb: 'Expired', subject: 'not used in time' };
  if (kind === 'EARN' && sourceType === 'ORDER') return { verb: 'Earned', subject: 'purchase' };
  return { verb: points < 0 ? 'Used' : 'Earned', subject: reason };
}

/** "Earned 25 points — purchase on 2 Dec", "Redeemed 50 points — Tea tasting sample on 2 Dec". */
export function historyWords(line: HistoryLine, now = new Date()): string {
  const { verb, subject } = what(line);
  return `${verb} ${formatPoints(Math.abs(line.points))} — ${subject} on ${formatRecentDay(line.at, now)}`;
}
