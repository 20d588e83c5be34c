import { randomBytes } from 'node:crypto';

/** Where a referral stands. */
export enum ReferralStatus {
  /** Taken: the friend got their reward; the referrer is paid after the friend's first purchase. */
  ACCEPTED = 'ACCEPTED',
  /** A fraud signal held it: nothing is paid until a marketer approves it. */
  HELD = 'HELD',
  /** A marketer rejected it after review: nothing is paid. */
  REJECTED = 'REJECTED',
}

/** Why a referral was refused or held. */
export enum ReferralSignal {
  /** Refused: the code is the friend's own (or a profile merged into theirs). */
  SELF_REFERRAL = 'SELF_REFERRAL',
  /** Refused: the friend enrolled longer ago than the program's new-member window, or has bought already. */
  EXISTING_MEMBER = 'EXISTING_MEMBER',
  /** Refused: the referrer has referred as many friends as the program allows in the period. */
  CAP_REACHED = 'CAP_REACHED',
  /** Held: the friend's email is the referrer's, written differently (case, dots or a +tag at Gmail). */
  SHARED_EMAIL = 'SHARED_EMAIL',
  /** Held: the friend's phone number is the referrer's. */
  SHARED_PHONE = 'SHARED_PHONE',
  /** Held: the friend's payment card was seen on another referral within the window, or on the referrer's own. */
  SHARED_CARD = 'SHARED_CARD',
  /** Held: the friend's device was seen on another referral within the window, or on the referrer's own. */
  SAME_DEVICE = 'SAME_DEVICE',
  /** Held: the friend's address was seen on another referral within the window, or on the referrer's own. */
  SAME_ADDRESS = 'SAME_ADDRESS',
}

export const refusingSignals: readonly ReferralSignal[] = [
  ReferralSignal.SELF_REFERRAL,
  ReferralSignal.EXISTING_MEMBER,
  ReferralSignal.CAP_REACHED,
];

export type CapPeriodOfReferrals = 'DAY' | 'WEEK' | 'MONTH';

export interface ReferralProgramRules {
  /** The start of every referral link: the link is `<linkBase>?ref=<code>`. */
  linkBase: string;
  capPerReferrer: number;
  capPeriod: CapPeriodOfReferrals;
  /** How far back device, address and card hashes are compared. */
  signalWindowDays: number;
  /** How long after enrolling a friend may still use a code. */
  newMemberHours: number;
}

/** Letters and digits nobody misreads (no 0/O, 1/I/L): 31 symbols. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const referralCodeLength = 8;

/** A new random code (31^8, about 8.5 × 10^11 codes); the store retries on the rare collision. */
export function newReferralCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(referralCodeLength);
  return Array.from(bytes, (byte) => codeAlphabet[byte % codeAlphabet.length]).join('');
}

/** A code as a person typed it (any case, spaces or dashes), or null when it cannot be one. */
export function normalizeReferralCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== referralCodeLength) return null;
  return [...code].every((symbol) => codeAlphabet.includes(symbol)) ? code : null;
}

export function referralLink(linkBase: string, code: string): string {
  const url = new URL(linkBase);
  url.searchParams.set('ref', code);
  return url.toString();
}

const gmailDomains = new Set(['gmail.com', 'googlemail.com']);

/** An email as its mailbox receives it: lower case, no +tag, and at Gmail no dots. */
export function canonicalEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  const mailbox = local.split('+')[0]!;
  return gmailDomains.has(domain) ? `${mailbox.replace(/\./g, '')}@gmail.com` : `${mailbox}@${domain}`;
}

/** A phone number's digits (profiles keep them in E.164 already; this only drops formatting). */
export const canonicalPhone = (phone: string): string => phone.replace(/\D/g, '');

export interface Identity {
  type: string;
  value: string;
}

export interface ReferralFacts {
  referrerId: string;
  /** The friend's profile id after merges. */
  friendId: string;
  friendEnrolledAt: Date;
  friendPurchases: number;
  referrerIdentities: readonly Identity[];
  friendIdentities: readonly Identity[];
  /** Referrals the referrer made in the current cap period, held ones included. */
  referralsInPeriod: number;
  /** Which of the friend's hashes were seen on other referrals within the window. */
  seenHashes: ReadonlySet<ReferralSignal.SHARED_CARD | ReferralSignal.SAME_DEVICE | ReferralSignal.SAME_ADDRESS>;
}

export type ReferralVerdict = { refused: ReferralSignal; held?: never } | { refused?: never; held: ReferralSignal[] };

const sharedIdentity = (
  a: readonly Identity[],
  b: readonly Identity[],
  type: string,
  canonical: (value: string) => string,
): boolean => {
  const mine = new Set(a.filter((identity) => identity.type === type).map((identity) => canonical(identity.value)));
  return b.some((identity) => identity.type === type && mine.has(canonical(identity.value)));
};

/** What a referral's facts say: refused (with why), or taken, held when any fraud signal shows. */
export function judgeReferral(facts: ReferralFacts, rules: ReferralProgramRules, now: Date): ReferralVerdict {
  if (facts.friendId === facts.referrerId) return { refused: ReferralSignal.SELF_REFERRAL };
  const enrolledFor = now.getTime() - facts.friendEnrolledAt.getTime();
  if (facts.friendPurchases > 0 || enrolledFor > rules.newMemberHours * 3_600_000) {
    return { refused: ReferralSignal.EXISTING_MEMBER };
  }
  if (facts.referralsInPeriod >= rules.capPerReferrer) return { refused: ReferralSignal.CAP_REACHED };
  const held: ReferralSignal[] = [];
  if (sharedIdentity(facts.referrerIdentities, facts.friendIdentities, 'EMAIL', canonicalEmail)) {
    held.push(ReferralSignal.SHARED_EMAIL);
  }
  if (sharedIdentity(facts.referrerIdentities, facts.friendIdentities, 'PHONE', canonicalPhone)) {
    held.push(ReferralSignal.SHARED_PHONE);
  }
  for (const signal of [ReferralSignal.SHARED_CARD, ReferralSignal.SAME_DEVICE, ReferralSignal.SAME_ADDRESS] as const) {
    if (facts.seenHashes.has(signal)) held.push(signal);
  }
  return { held };
}
