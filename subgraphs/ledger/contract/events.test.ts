import { EventContractError, type AnyEventContract, type CommittedEvent } from '../../../runtime/events/eventContract';
import { ledgerEvents } from './events';

const customerId = '4b9f1f36-3c8e-4f8e-9d0a-5f3f3c1f0a11';
const otherId = '0c7d3a52-8f1e-4b4a-a3c2-7e2d5b9c6f20';
const createdAt = new Date('2026-11-20T10:00:00.000Z');

const committed = (type: string, payload: unknown, version?: number): CommittedEvent => ({
  type,
  version,
  payload,
  createdAt,
});

/** What `fn` throws, as an EventContractError. */
function contractError(fn: () => unknown): EventContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventContractError) return error;
    throw error;
  }
  throw new Error('expected an EventContractError');
}

describe('BalanceUpdated', () => {
  const { BalanceUpdated } = ledgerEvents;

  test('writers write version 2', () => {
    expect(BalanceUpdated.version).toBe(2);
    expect(BalanceUpdated.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  test('a v1 row from before pending points and program metrics decodes upgraded as consumers read it', () => {
    const payload = { customerId, balance: 120, change: -30, reason: 'Redeemed', transactionId: 'r-1' };
    expect(BalanceUpdated.decode(committed('BalanceUpdated', payload))).toEqual({
      ...payload,
      pending: 0,
      pendingChange: 0,
      kinds: { UNKNOWN: -30 },
      postedAt: createdAt.toISOString(),
    });
    // A row the outbox marked as version 1 reads the same.
    expect(BalanceUpdated.decode(committed('BalanceUpdated', payload, 1)).kinds).toEqual({ UNKNOWN: -30 });
  });

  test('a v1 row written with every field keeps them', () => {
    const payload = {
      customerId,
      balance: 150,
      change: 50,
      pending: 20,
      pendingChange: 20,
      reason: 'Purchase o-1 (WEB)',
      transactionId: 'o-1',
      kinds: { EARN: 40, BONUS: 10 },
      postedAt: '2026-11-19T08:00:00.000Z',
    };
    expect(BalanceUpdated.decode(committed('BalanceUpdated', payload, 1))).toEqual(payload);
  });

  test('a v2 row decodes as written', () => {
    const payload = {
      customerId,
      balance: 100,
      change: 0,
      pending: 0,
      pendingChange: -25,
      reason: 'Return x of purchase o-1',
      transactionId: 'ret-1',
      kinds: {},
      postedAt: '2026-11-21T08:00:00.000Z',
    };
    expect(BalanceUpdated.decode(committed('BalanceUpdated', payload, 2))).toEqual(payload);
  });

  test('a v2 row without a field v2 requires fails naming it', () => {
    const payload = { customerId, balance: 1, change: 1, pendingChange: 0, reason: 'x', transactionId: 't' };
    const error = contractError(() =>
      BalanceUpdated.decode(
        committed('BalanceUpdated', { ...payload, kinds: {}, postedAt: createdAt.toISOString() }, 2),
      ),
    );
    expect(error.path).toBe('BalanceUpdated v2 (ledger) payload.pending');
  });

  test('a renamed or retyped field fails naming it', () => {
    const renamed = { customerId, points: 10, change: 10, reason: 'x', transactionId: 't' };
    expect(contractError(() => BalanceUpdated.decode(committed('BalanceUpdated', renamed))).path).toBe(
      'BalanceUpdated v1 (ledger) payload.balance',
    );
    const retyped = { customerId, balance: 10, change: 10, reason: 'x', transactionId: 't', kinds: { EARN: '10' } };
    expect(contractError(() => BalanceUpdated.decode(committed('BalanceUpdated', retyped))).path).toBe(
      'BalanceUpdated v1 (ledger) payload.kinds.EARN',
    );
  });

  test('an unknown version (v3) fails', () => {
    const error = contractError(() => BalanceUpdated.decode(committed('BalanceUpdated', {}, 3)));
    expect(error.path).toBe('BalanceUpdated v3 (ledger) version');
    expect(error.message).toContain('one of 1, 2');
  });

  test('a writer builds a v2 event and is refused a payload that does not match', () => {
    const payload = {
      customerId,
      balance: 10,
      change: 10,
      pending: 0,
      pendingChange: 0,
      reason: 'x',
      transactionId: 't',
      kinds: { EARN: 10 },
      postedAt: createdAt.toISOString(),
    };
    expect(BalanceUpdated.event(customerId, payload, null)).toEqual({
      type: 'BalanceUpdated',
      version: 2,
      aggregateId: customerId,
      payload,
      actor: null,
    });
    expect(
      contractError(() => BalanceUpdated.event(customerId, { ...payload, postedAt: 'yesterday' }, null)).path,
    ).toBe('BalanceUpdated v2 (ledger) payload.postedAt');
  });
});

describe('every ledger event decodes a payload as its writer builds it', () => {
  const occurredAt = '2026-11-20T09:59:59.000Z';
  const earnings = [
    { kind: 'EARN', points: 40, ruleId: null },
    { kind: 'BONUS', points: 10, ruleId: 'c-1' },
  ];
  const payloads: Record<keyof typeof ledgerEvents, Record<string, unknown>> = {
    PurchaseRecorded: {
      purchaseId: 'o-1',
      customerId,
      channel: 'WEB',
      storeId: null,
      currency: 'EUR',
      totalAmount: 5000,
      lines: [{ sku: 'A', category: null, quantity: 2, unitPrice: 2500 }],
      pointsEarned: 50,
      earnings,
      occurredAt,
      tier: 'Gold',
    },
    ReturnRecorded: {
      returnId: 'ret-1',
      purchaseId: 'o-1',
      customerId,
      amount: 2500,
      pointsReversed: 25,
      occurredAt,
    },
    BalanceUpdated: {
      customerId,
      balance: 50,
      change: 50,
      pending: 0,
      pendingChange: 0,
      reason: 'Purchase',
      transactionId: 'o-1',
      kinds: { EARN: 40, BONUS: 10 },
      postedAt: occurredAt,
    },
    OrdersImported: {
      jobId: 'job-1',
      purchases: [
        {
          purchaseId: 'o-1',
          customerId,
          channel: 'IN_STORE',
          storeId: 'berlin-1',
          currency: 'EUR',
          totalAmount: 5000,
          lines: [{ sku: 'A', category: null, quantity: 2, unitPrice: 2500 }],
          occurredAt,
        },
      ],
      returns: [{ returnId: 'ret-1', purchaseId: 'o-1', customerId, amount: 2500, occurredAt }],
    },
    TiersImported: { jobId: 'job-1', tiers: [{ customerId, tier: 'Gold' }] },
    TierChanged: {
      customerId,
      from: 'Member',
      to: 'Gold',
      direction: 'UP',
      qualifyingPoints: 1200,
      reviewAt: '2027-11-20T09:59:59.000Z',
    },
    PointsExpiring: { customerId, points: 30, expiresAt: '2026-12-31T00:00:00.000Z', occurredAt },
    ActivityCredited: {
      activityId: 'a-1',
      customerId,
      kind: 'PRODUCT_REVIEW',
      channel: 'WEB',
      points: 50,
      earnings,
      occurredAt,
    },
    PointsTransferred: {
      customerId,
      transferId: 't-1',
      fromCustomerId: customerId,
      toCustomerId: otherId,
      points: 100,
      note: null,
      occurredAt,
    },
    AccountsMerged: { customerId, survivorId: customerId, mergedId: otherId, points: 10, pending: 5 },
    PointsHeld: {
      customerId,
      holdId: 'h-1',
      currency: 'EUR',
      points: 500,
      amount: 500,
      expiresAt: '2026-11-20T10:14:59.000Z',
      occurredAt,
    },
    PointsHoldCaptured: {
      customerId,
      holdId: 'h-1',
      currency: 'EUR',
      points: 500,
      amount: 500,
      purchaseId: 'o-1',
      occurredAt,
    },
    PointsHoldReleased: {
      customerId,
      holdId: 'h-1',
      currency: 'EUR',
      points: 500,
      amount: 500,
      reason: 'EXPIRED',
      occurredAt,
    },
    PointsPaymentRefunded: {
      customerId,
      holdId: 'h-1',
      currency: 'EUR',
      points: 250,
      amount: 250,
      purchaseId: 'o-1',
      returnId: 'ret-1',
      occurredAt,
    },
    WalletBalanceChanged: {
      customerId,
      wallet: 'GIFT',
      kind: 'SPEND',
      change: -400,
      pendingChange: 0,
      balance: 600,
      pending: 0,
      reason: 'Order W-1',
      earnedBy: null,
      occurredAt,
    },
  };

  test.each(Object.entries(ledgerEvents) as [string, AnyEventContract][])('%s', (type, contract) => {
    const payload = payloads[type as keyof typeof ledgerEvents];
    expect(contract.owner).toBe('ledger');
    expect(contract.decode(committed(type, payload, contract.version))).toEqual(payload);
    const event = contract.event(customerId, payload, null);
    expect(event).toMatchObject({ type, version: contract.version, aggregateId: customerId });
    // Every declared field is required or optional on purpose: drop a required one and it fails naming it.
    const [first] = Object.keys(payload);
    const { [first!]: _dropped, ...rest } = payload;
    expect(contractError(() => contract.decode(committed(type, rest, contract.version))).path).toBe(
      `${type} v${contract.version} (ledger) payload.${first}`,
    );
  });

  test('PurchaseRecorded from before campaign performance and program metrics per tier (no earnings, no tier)', () => {
    const { earnings: _earnings, tier: _tier, ...old } = payloads.PurchaseRecorded;
    expect(ledgerEvents.PurchaseRecorded.decode(committed('PurchaseRecorded', old))).toEqual(old);
    // A purchase without a tier (written as null) reads as no tier.
    expect(
      ledgerEvents.PurchaseRecorded.decode(committed('PurchaseRecorded', { ...payloads.PurchaseRecorded, tier: null }))
        .tier,
    ).toBeUndefined();
  });

  test('a renamed field fails naming it', () => {
    const { points, ...rest } = payloads.PointsTransferred;
    expect(
      contractError(() =>
        ledgerEvents.PointsTransferred.decode(committed('PointsTransferred', { ...rest, amount: points })),
      ).message,
    ).toBe('PointsTransferred v1 (ledger) payload.points: expected an integer, got nothing');
  });

  test('an event of another type is refused', () => {
    expect(() => ledgerEvents.TierChanged.decode(committed('BalanceUpdated', payloads.TierChanged))).toThrow(
      EventContractError,
    );
    expect(ledgerEvents.TierChanged.is({ type: 'TierChanged' })).toBe(true);
    expect(ledgerEvents.TierChanged.is({ type: 'BalanceUpdated' })).toBe(false);
  });
});
