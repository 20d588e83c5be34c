import {
  chooseChannel,
  intentFor,
  newlyAffordable,
  NotificationChannel,
  parseQuietHours,
  render,
  sendTime,
  templateLanguage,
  type Recipient,
} from './notification.rules';

const recipient = (overrides: Partial<Recipient>): Recipient => ({
  erased: false,
  preferredChannel: null,
  consents: {},
  addresses: { EMAIL: 'a@example.com', SMS: '+4915112345678', PUSH: 'app-1' },
  ...overrides,
});

describe('chooseChannel', () => {
  it('sends nothing without consent, or to an erased member', () => {
    expect(chooseChannel(recipient({}))).toEqual({ channel: null, reason: 'NO_CONSENT' });
    expect(chooseChannel(recipient({ consents: { EMAIL: false, SMS: false } }))).toEqual({
      channel: null,
      reason: 'NO_CONSENT',
    });
    expect(chooseChannel(recipient({ erased: true, consents: { EMAIL: true } }))).toMatchObject({ reason: 'ERASED' });
  });

  it('uses the preferred channel when consented, else the first consented channel with an address', () => {
    expect(chooseChannel(recipient({ preferredChannel: 'SMS', consents: { SMS: true, EMAIL: true } }))).toEqual({
      channel: NotificationChannel.SMS,
      address: '+4915112345678',
    });
    expect(chooseChannel(recipient({ preferredChannel: 'SMS', consents: { SMS: false, PUSH: true } }))).toEqual({
      channel: NotificationChannel.PUSH,
      address: 'app-1',
    });
    expect(chooseChannel(recipient({ consents: { EMAIL: true }, addresses: {} }))).toEqual({
      channel: null,
      reason: 'NO_ADDRESS',
    });
  });
});

describe('sendTime', () => {
  const quiet = parseQuietHours('21:00-08:00', 'Europe/Berlin')!;

  it('holds SMS and push until the quiet hours end, in the program time zone', () => {
    // 22:30 in Berlin (summer time, UTC+2) waits until 08:00 Berlin, 06:00 UTC.
    expect(sendTime(new Date('2026-06-10T20:30:00Z'), NotificationChannel.SMS, quiet).toISOString()).toBe(
      '2026-06-11T06:00:00.000Z',
    );
    // 07:59 waits one minute; 08:00 and noon go at once.
    expect(sendTime(new Date('2026-06-11T05:59:00Z'), NotificationChannel.PUSH, quiet).toISOString()).toBe(
      '2026-06-11T06:00:00.000Z',
    );
    const noon = new Date('2026-06-11T10:00:00Z');
    expect(sendTime(noon, NotificationChannel.SMS, quiet)).toBe(noon);
  });

  it('ends the quiet hours at the local time on nights the clocks change', () => {
    // Autumn: 02:30 summer time waits until 08:00 winter time (07:00 UTC), not 07:00 local.
    expect(sendTime(new Date('2026-10-25T00:30:00Z'), NotificationChannel.SMS, quiet).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    // Spring: 00:30 winter time waits until 08:00 summer time (06:00 UTC), not 09:00 local.
    expect(sendTime(new Date('2026-03-28T23:30:00Z'), NotificationChannel.PUSH, quiet).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('never holds email, and reads only well-formed hours', () => {
    const late = new Date('2026-06-10T21:30:00Z');
    expect(sendTime(late, NotificationChannel.EMAIL, quiet)).toBe(late);
    expect(parseQuietHours('9pm-8am', 'UTC')).toBeNull();
    expect(parseQuietHours('25:00-08:00', 'UTC')).toBeNull();
    const daytime = parseQuietHours('12:00-14:00', 'UTC')!;
    expect(sendTime(new Date('2026-06-10T13:00:00Z'), NotificationChannel.SMS, daytime).toISOString()).toBe(
      '2026-06-10T14:00:00.000Z',
    );
  });
});

describe('message facts', () => {
  it('answers points earned with channel and store, and ignores purchases that earned nothing', () => {
    const purchase = {
      id: 7,
      type: 'PurchaseRecorded',
      createdAt: new Date('2026-06-10T12:00:00Z'),
      payload: {
        purchaseId: 'p',
        customerId: 'c',
        pointsEarned: 25,
        channel: 'IN_STORE',
        storeId: 'berlin-1',
        currency: 'EUR',
        totalAmount: 2500,
        lines: [{ sku: 'coffee', category: null, quantity: 1, unitPrice: 2500 }],
        occurredAt: '2026-06-10T12:00:00.000Z',
      },
    };
    expect(intentFor('ledger', purchase)).toEqual({
      eventKey: 'ledger:7:POINTS_EARNED',
      customerId: 'c',
      kind: 'POINTS_EARNED',
      facts: { points: 25, channel: 'IN_STORE', store: 'berlin-1' },
    });
    expect(intentFor('ledger', { ...purchase, payload: { ...purchase.payload, pointsEarned: 0 } })).toBeNull();
    expect(intentFor('campaign', purchase)).toBeNull();
  });

  it('announces a voucher once: its own message for a redemption, none for an absence trigger that tells of it', () => {
    const issued = (grantKey: string | null) => ({
      id: 9,
      type: 'RewardIssued',
      version: 1,
      createdAt: new Date('2026-06-10T12:00:00Z'),
      payload: {
        customerId: 'c',
        redemptionId: 'r',
        rewardId: 'rw',
        voucherId: 'v',
        points: 0,
        expiresAt: '2026-07-10T12:00:00.000Z',
        grantKey,
      },
    });
    expect(intentFor('rewards', issued(null))).toMatchObject({
      kind: 'VOUCHER_ISSUED',
      offer: { campaignKey: null, offerKey: null, rewardId: 'rw', voucherId: 'v' },
    });
    expect(intentFor('rewards', issued('birthday:2026:c'))).toMatchObject({ kind: 'VOUCHER_ISSUED' });
    expect(intentFor('rewards', issued('absence:t-1'))).toBeNull();
    const fired = {
      id: 10,
      type: 'AbsenceTriggered',
      version: 1,
      createdAt: new Date('2026-06-10T12:00:00Z'),
      payload: {
        timerId: 't-1',
        triggerKey: 'win-back',
        triggerName: 'We miss you',
        customerId: 'c',
        startedAt: '2026-04-10T12:00:00.000Z',
        dueAt: '2026-06-10T12:00:00.000Z',
        bonusPoints: 0,
        rewardId: 'rw',
        sendMessage: true,
      },
    };
    expect(intentFor('campaign', fired)).toMatchObject({
      kind: 'ABSENCE_OFFER',
      offer: { campaignKey: 'win-back', offerKey: 'absence:t-1', rewardId: 'rw', voucherId: null },
    });
  });

  it('names the dearest reward a balance rise brought within reach', () => {
    const catalog = [
      { id: 'a', name: 'Coffee', costPoints: 40 },
      { id: 'b', name: 'Cake', costPoints: 60 },
      { id: 'c', name: 'Lunch', costPoints: 500 },
    ];
    expect(newlyAffordable(catalog, 70, 40)?.name).toBe('Cake');
    expect(newlyAffordable(catalog, 70, 5)).toBeNull();
    expect(newlyAffordable(catalog, 30, -10)).toBeNull();
  });

  it('fills placeholders and drops unknown ones', () => {
    expect(render('Hi {{givenName}}, {{ points }} pts{{nope}}', { givenName: 'Ada', points: 5 })).toBe('Hi Ada, 5 pts');
    expect(templateLanguage('de-AT')).toBe('de');
    expect(templateLanguage(null)).toBe('en');
  });
});
