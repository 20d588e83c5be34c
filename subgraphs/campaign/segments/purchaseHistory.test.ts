import type { UpstreamEvent } from '../../../runtime/events/upstreamOutbox';
import { decodeHistoryEvent, historyEvents, mergesIn } from './purchaseHistory';

const customerId = '0b6f3c52-3f7e-4d7c-9a57-2f2b5f6c2a10';
const mergedId = '9e3c1b2a-4d5e-4f60-8a7b-1c2d3e4f5a6b';
const purchaseId = '5a0c4f7e-1d2b-4c3a-9e8f-6b7a5d4c3b2a';
const createdAt = new Date('2026-11-20T10:00:00Z');

let nextId = 1;
const ledgerEvent = (type: string, payload: Record<string, unknown>, version = 1): UpstreamEvent => ({
  id: nextId++,
  type,
  version,
  aggregateId: customerId,
  payload,
  createdAt,
});

const purchase = {
  purchaseId,
  customerId,
  channel: 'web',
  storeId: null,
  currency: 'EUR',
  totalAmount: 4_500,
  lines: [{ sku: 'TEA-1', category: 'tea', quantity: 3, unitPrice: 1_500 }],
  pointsEarned: 90,
  earnings: [
    { kind: 'EARN', points: 45, ruleId: null },
    { kind: 'BONUS', points: 45, ruleId: 'campaign:7d1c9b1e-58a4-4b9e-8a43-0f6c8f0e3b21' },
  ],
  occurredAt: '2026-11-20T09:59:00.000Z',
  tier: 'Gold',
};

describe('the ledger events the purchase history reads', () => {
  it('reads the types of the ledger contracts it decodes with', () => {
    expect(historyEvents.map((contract) => [contract.owner, contract.type])).toEqual([
      ['ledger', 'PurchaseRecorded'],
      ['ledger', 'ReturnRecorded'],
      ['ledger', 'TierChanged'],
      ['ledger', 'AccountsMerged'],
      ['ledger', 'ActivityCredited'],
      ['ledger', 'OrdersImported'],
      ['ledger', 'TiersImported'],
    ]);
  });

  it('decodes each with the ledger contract, keeping what the history reads', () => {
    const read = decodeHistoryEvent(ledgerEvent('PurchaseRecorded', { ...purchase, undeclared: true }));
    expect(read).toEqual({ id: expect.any(Number), type: 'PurchaseRecorded', payload: purchase });

    // Written before campaign performance (earnings) and program metrics per tier (tier).
    const beforeCampaignPerformance = Object.fromEntries(
      Object.entries(purchase).filter(([field]) => field !== 'earnings' && field !== 'tier'),
    );
    expect(decodeHistoryEvent(ledgerEvent('PurchaseRecorded', beforeCampaignPerformance)).payload).toEqual(
      beforeCampaignPerformance,
    );

    const returned = {
      returnId: 'b4e2a1c3-5d6f-4a7b-8c9d-0e1f2a3b4c5d',
      purchaseId,
      customerId,
      amount: 1_500,
      pointsReversed: 30,
      occurredAt: '2026-11-21T09:00:00.000Z',
    };
    expect(decodeHistoryEvent(ledgerEvent('ReturnRecorded', returned)).payload).toEqual(returned);

    const tierChanged = {
      customerId,
      from: 'Silver',
      to: 'Gold',
      direction: 'UP',
      qualifyingPoints: 1_200,
      reviewAt: null,
    };
    expect(decodeHistoryEvent(ledgerEvent('TierChanged', tierChanged)).payload).toEqual(tierChanged);

    const activity = {
      activityId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
      customerId,
      kind: 'PRODUCT_REVIEW',
      channel: 'web',
      points: 20,
      earnings: [{ kind: 'BONUS', points: 20, ruleId: 'campaign:7d1c9b1e-58a4-4b9e-8a43-0f6c8f0e3b21' }],
      occurredAt: '2026-11-21T10:00:00.000Z',
    };
    expect(decodeHistoryEvent(ledgerEvent('ActivityCredited', activity)).payload).toEqual(activity);
  });

  it('finds the merges among them', () => {
    const merged = { customerId, survivorId: customerId, mergedId, points: 120, pending: 0 };
    const events = [ledgerEvent('PurchaseRecorded', purchase), ledgerEvent('AccountsMerged', merged)].map(
      decodeHistoryEvent,
    );
    expect(mergesIn(events)).toEqual([{ survivorId: customerId, mergedId }]);
  });

  it('refuses an event that breaks the contract, naming the field, and one it does not read', () => {
    const { totalAmount, ...renamed } = purchase;
    expect(() => decodeHistoryEvent(ledgerEvent('PurchaseRecorded', { ...renamed, total: totalAmount }))).toThrow(
      /PurchaseRecorded v1 \(ledger\) payload\.totalAmount: expected an integer, got nothing/,
    );
    expect(() => decodeHistoryEvent(ledgerEvent('BalanceUpdated', { customerId }))).toThrow(/type: expected one of/);
  });
});
