import fc from 'fast-check';
import { maxBackoffMs, retryDelayMs } from '../../../runtime/jobs/backoff';
import { WebhookError, WebhookErrorKind } from './webhook.errors';
import {
  afterAttempt,
  checkedDescription,
  checkedEventTypes,
  checkedWebhookUrl,
  deliveriesFor,
  eventTypeFilter,
  isDelivered,
  orderKeyOf,
  secretHint,
  webhookBody,
  WebhookDeliveryStatus,
} from './webhook.rules';

const refusal = (work: () => unknown): { kind: string; details: Record<string, unknown> } => {
  try {
    work();
  } catch (error) {
    if (error instanceof WebhookError) return { kind: error.kind, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('webhook backoff', () => {
  it('waits the base after the first failure and doubles after each further one', () => {
    const policy = { baseMs: 30_000 };
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than the cap (an hour by default), however many failures', () => {
    expect(retryDelayMs(8, { baseMs: 30_000 })).toBe(maxBackoffMs);
    expect(retryDelayMs(1000, { baseMs: 30_000 })).toBe(maxBackoffMs);
    expect(retryDelayMs(3, { baseMs: 50, maxMs: 120 })).toBe(120);
  });

  it('adds at most 10% jitter, and only below the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, random) => {
          const plain = retryDelayMs(attempt, { baseMs });
          const jittered = retryDelayMs(attempt, { baseMs }, random);
          expect(jittered).toBeGreaterThanOrEqual(plain);
          expect(jittered).toBeLessThanOrEqual(Math.min(maxBackoffMs, Math.ceil(plain * 1.1)));
          expect(retryDelayMs(attempt + 1, { baseMs })).toBeGreaterThanOrEqual(plain);
        },
      ),
    );
  });

  it('delivers on success, retries a failure, and gives up after the last attempt', () => {
    const policy = { baseMs: 50, maxAttempts: 3 };
    expect(afterAttempt(1, true, policy)).toEqual({ status: WebhookDeliveryStatus.DELIVERED });
    expect(afterAttempt(1, false, policy)).toEqual({ status: WebhookDeliveryStatus.PENDING, retryInMs: 50 });
    expect(afterAttempt(2, false, policy)).toEqual({ status: WebhookDeliveryStatus.PENDING, retryInMs: 100 });
    expect(afterAttempt(3, false, policy)).toEqual({ status: WebhookDeliveryStatus.DEAD });
    expect(afterAttempt(3, true, policy)).toEqual({ status: WebhookDeliveryStatus.DELIVERED });
  });

  it('counts only 2xx answers as delivered', () => {
    expect([200, 201, 204, 299].every(isDelivered)).toBe(true);
    expect([100, 301, 302, 400, 410, 500, 503].some(isDelivered)).toBe(false);
  });
});

describe('webhook endpoint settings', () => {
  it('takes http and https URLs', () => {
    expect(checkedWebhookUrl(' https://hooks.example.com/loyalty?team=crm ')).toBe(
      'https://hooks.example.com/loyalty?team=crm',
    );
    expect(checkedWebhookUrl('http://127.0.0.1:8080/hook')).toBe('http://127.0.0.1:8080/hook');
  });

  it.each([
    ['not a url', 'not an absolute URL'],
    ['/relative/path', 'not an absolute URL'],
    ['ftp://example.com/hook', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['file:///etc/passwd', 'http or https'],
    ['https://user:pass@example.com/hook', 'credentials'],
    ['https://token@example.com/hook', 'credentials'],
    ['https://example.com/hook#part', 'fragment'],
    [`https://example.com/${'a'.repeat(2000)}`, 'at most'],
  ])('refuses the URL %p', (url, why) => {
    const error = refusal(() => checkedWebhookUrl(url));
    expect(error).toMatchObject({ kind: WebhookErrorKind.InvalidWebhookInput, details: { argument: 'input.url' } });
    expect(() => checkedWebhookUrl(url)).toThrow(why);
  });

  it('takes known event types, sorted and without duplicates, or * alone', () => {
    expect(checkedEventTypes(['TierChanged', 'PurchaseRecorded', 'TierChanged'])).toEqual([
      'PurchaseRecorded',
      'TierChanged',
    ]);
    expect(checkedEventTypes(['PurchaseRecorded', '*'])).toEqual(['*']);
  });

  it('refuses no event types and unknown ones, naming them', () => {
    expect(refusal(() => checkedEventTypes([])).details).toEqual({ argument: 'input.eventTypes' });
    expect(() => checkedEventTypes(['PurchaseRecorded', 'PurchaseMade'])).toThrow('"PurchaseMade"');
    expect(refusal(() => checkedEventTypes(['purchaserecorded'], 'types')).details).toEqual({ argument: 'types' });
  });

  it('trims a description and keeps it short', () => {
    expect(checkedDescription('  CRM sync ')).toBe('CRM sync');
    expect(checkedDescription('   ')).toBeNull();
    expect(checkedDescription(undefined)).toBeNull();
    expect(() => checkedDescription('x'.repeat(501))).toThrow('at most 500');
  });

  it('shows a secret by its last four characters', () => {
    expect(secretHint('whsec_abcdefghijklmnop')).toBe('whsec_…mnop');
  });

  it('reads every type when any subscription is *, and narrows a replay to subscribed types', () => {
    expect(eventTypeFilter([['TierChanged'], ['PurchaseRecorded', 'TierChanged']])).toEqual([
      'PurchaseRecorded',
      'TierChanged',
    ]);
    expect(eventTypeFilter([['TierChanged'], ['*']])).toBeNull();
    expect(eventTypeFilter([['TierChanged']], ['TierChanged', 'PurchaseRecorded'])).toEqual(['TierChanged']);
    expect(eventTypeFilter([['*']], ['PurchaseRecorded'])).toEqual(['PurchaseRecorded']);
    expect(eventTypeFilter([['TierChanged']], ['*'])).toEqual(['TierChanged']);
    expect(eventTypeFilter([['TierChanged']], ['PurchaseRecorded'])).toEqual([]);
  });
});

describe('webhook events', () => {
  const event = {
    id: 42,
    type: 'PurchaseRecorded',
    version: 1,
    aggregateId: 'c-1',
    payload: {
      purchaseId: 'p-1',
      customerId: 'c-1',
      channel: 'IN_STORE',
      storeId: 'berlin-1',
      currency: 'EUR',
      totalAmount: 2500,
      lines: [{ sku: 'coffee', category: null, quantity: 1, unitPrice: 2500 }],
      pointsEarned: 25,
      occurredAt: '2026-06-01T09:00:00.000Z',
    },
    createdAt: new Date('2026-06-01T09:00:00.000Z'),
  };

  it('orders by customer, or by the entity of an event about none', () => {
    expect(orderKeyOf('ledger', event)).toBe('customer:c-1');
    expect(orderKeyOf('campaign', { ...event, aggregateId: 'camp-9', payload: { campaignId: 'camp-9' } })).toBe(
      'campaign:camp-9',
    );
  });

  it('sends the event with a global id, its source and when it happened', () => {
    expect(JSON.parse(webhookBody('ledger', event))).toEqual({
      id: 'ledger:42',
      source: 'ledger',
      type: 'PurchaseRecorded',
      version: 1,
      occurredAt: '2026-06-01T09:00:00.000Z',
      data: event.payload,
    });
  });

  it("delivers what the producer's contract declares, at its latest version; an undeclared type as written", () => {
    const extra = { ...event, payload: { ...event.payload, internalNote: 'not in the contract' } };
    expect(JSON.parse(webhookBody('ledger', extra)).data).toEqual(event.payload);
    const balance = {
      ...event,
      type: 'BalanceUpdated',
      payload: { customerId: 'c-1', balance: 125, change: 25, reason: 'Purchase', transactionId: 'p-1' },
    };
    expect(JSON.parse(webhookBody('ledger', balance))).toMatchObject({
      version: 2,
      data: {
        customerId: 'c-1',
        balance: 125,
        pending: 0,
        kinds: { UNKNOWN: 25 },
        postedAt: '2026-06-01T09:00:00.000Z',
      },
    });
    const undeclared = { ...event, type: 'SomethingNew', version: 3, payload: { anything: true } };
    expect(JSON.parse(webhookBody('ledger', undeclared))).toMatchObject({ version: 3, data: { anything: true } });
    expect(() => webhookBody('ledger', { ...event, payload: { ...event.payload, pointsEarned: '25' } })).toThrow(
      /pointsEarned: expected an integer/,
    );
  });

  it('queues one delivery per subscribed endpoint, for events from when it was enabled on', () => {
    const balance = {
      ...event,
      id: 43,
      type: 'BalanceUpdated',
      payload: { customerId: 'c-1', balance: 125, change: 25, reason: 'Purchase', transactionId: 'p-1' },
    };
    const endpoints = [
      { id: 'all', eventTypes: ['*'], since: null },
      { id: 'purchases', eventTypes: ['PurchaseRecorded'], since: new Date('2026-06-01T08:00:00Z') },
      { id: 'later', eventTypes: ['*'], since: new Date('2026-06-01T10:00:00Z') },
    ];
    const queued = deliveriesFor('ledger', [event, balance], endpoints);
    expect(queued.map((delivery) => [delivery.endpointId, delivery.eventId])).toEqual([
      ['all', 42],
      ['purchases', 42],
      ['all', 43],
    ]);
    expect(queued[0]).toEqual({
      endpointId: 'all',
      eventId: 42,
      eventType: 'PurchaseRecorded',
      customerId: 'c-1',
      orderKey: 'customer:c-1',
      body: webhookBody('ledger', event),
    });
  });
});
