import {
  canonicalEmail,
  judgeReferral,
  newReferralCode,
  normalizeReferralCode,
  referralLink,
  ReferralSignal,
  type ReferralFacts,
  type ReferralProgramRules,
} from './referral.rules';

const rules: ReferralProgramRules = {
  linkBase: 'https://shop.example.com/join',
  capPerReferrer: 3,
  capPeriod: 'MONTH',
  signalWindowDays: 90,
  newMemberHours: 24,
};
const now = new Date('2026-06-10T12:00:00Z');
const facts = (overrides: Partial<ReferralFacts> = {}): ReferralFacts => ({
  referrerId: 'ada',
  friendId: 'bob',
  friendEnrolledAt: new Date('2026-06-10T11:00:00Z'),
  friendPurchases: 0,
  referrerIdentities: [
    { type: 'EMAIL', value: 'ada.lovelace@gmail.com' },
    { type: 'PHONE', value: '+447700900001' },
  ],
  friendIdentities: [{ type: 'EMAIL', value: 'bob@example.com' }],
  referralsInPeriod: 0,
  seenHashes: new Set(),
  ...overrides,
});

describe('referral codes', () => {
  it('are 8 unambiguous symbols, read back whatever the case, spaces or dashes', () => {
    const code = newReferralCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(normalizeReferralCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code);
    expect(normalizeReferralCode('ABCD-EFG0')).toBeNull();
    expect(normalizeReferralCode('ABC')).toBeNull();
  });

  it('make a link on the program base', () => {
    expect(referralLink('https://shop.example.com/join?utm=x', 'ABCDEFGH')).toBe(
      'https://shop.example.com/join?utm=x&ref=ABCDEFGH',
    );
  });
});

describe('judging a referral', () => {
  it('takes a new friend with nothing shared', () => {
    expect(judgeReferral(facts(), rules, now)).toEqual({ held: [] });
  });

  it('refuses self-referral, an existing member or buyer, and a referrer over the cap', () => {
    expect(judgeReferral(facts({ friendId: 'ada' }), rules, now)).toEqual({ refused: ReferralSignal.SELF_REFERRAL });
    expect(judgeReferral(facts({ friendEnrolledAt: new Date('2026-06-09T11:59:00Z') }), rules, now)).toEqual({
      refused: ReferralSignal.EXISTING_MEMBER,
    });
    expect(judgeReferral(facts({ friendPurchases: 1 }), rules, now)).toEqual({
      refused: ReferralSignal.EXISTING_MEMBER,
    });
    expect(judgeReferral(facts({ referralsInPeriod: 3 }), rules, now)).toEqual({
      refused: ReferralSignal.CAP_REACHED,
    });
  });

  it('holds a shared mailbox, phone, or a device, address or card seen before', () => {
    const shared = facts({
      friendIdentities: [
        { type: 'EMAIL', value: 'AdaLovelace+second@googlemail.com' },
        { type: 'PHONE', value: '+44 7700 900001' },
      ],
      seenHashes: new Set([ReferralSignal.SAME_DEVICE, ReferralSignal.SHARED_CARD]),
    });
    expect(judgeReferral(shared, rules, now)).toEqual({
      held: [
        ReferralSignal.SHARED_EMAIL,
        ReferralSignal.SHARED_PHONE,
        ReferralSignal.SHARED_CARD,
        ReferralSignal.SAME_DEVICE,
      ],
    });
    expect(canonicalEmail('Ada+x@Example.com')).toBe('ada@example.com');
    // Dots matter outside Gmail.
    expect(canonicalEmail('a.da@example.com')).not.toBe(canonicalEmail('ada@example.com'));
  });
});
