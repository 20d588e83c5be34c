import {
  array,
  defineEvent,
  described,
  EventContractError,
  eventContracts,
  integer,
  nullable,
  object,
  oneOf,
  optional,
  record,
  string,
  time,
  typesOf,
} from './eventContract';

const written = {
  owner: 'shop',
  type: 'OrderPlaced',
  aggregate: 'the customer id',
  description: 'An order was placed.',
};

const orderPlaced = defineEvent({
  ...written,
  payload: object({
    customerId: string,
    total: described(integer, 'In minor units.'),
    channel: oneOf('STORE', 'WEB'),
    note: optional(string),
    storeId: nullable(string),
    lines: array(object({ sku: string, quantity: integer })),
    placedAt: time,
  }),
});

const committed = (payload: unknown, version?: number) => ({
  type: 'OrderPlaced',
  version,
  payload,
  createdAt: new Date('2026-12-01T10:00:00.000Z'),
});

const order = {
  customerId: 'c-1',
  total: 1250,
  channel: 'WEB',
  storeId: null,
  lines: [{ sku: 'A', quantity: 2 }],
  placedAt: '2026-12-01T09:59:00.000Z',
};

describe('an event contract', () => {
  it('decodes a payload it declares, keeping only the declared fields', () => {
    expect(orderPlaced.decode(committed({ ...order, internal: 'x' }))).toEqual(order);
  });

  it('reads an absent or null optional field as absent', () => {
    expect(orderPlaced.decode(committed({ ...order, note: null }))).not.toHaveProperty('note');
    expect(orderPlaced.decode(committed({ ...order, note: 'gift' })).note).toBe('gift');
  });

  it('names the field a renamed or retyped payload breaks', () => {
    const { customerId, ...renamed } = order;
    expect(() => orderPlaced.decode(committed({ ...renamed, customer: customerId }))).toThrow(
      'OrderPlaced v1 (shop) payload.customerId: expected a string, got nothing',
    );
    expect(() => orderPlaced.decode(committed({ ...order, lines: [{ sku: 'A', quantity: '2' }] }))).toThrow(
      'payload.lines[0].quantity: expected an integer, got the string "2"',
    );
    expect(() => orderPlaced.decode(committed({ ...order, channel: 'FAX' }))).toThrow(
      'payload.channel: expected a "STORE" | "WEB", got the string "FAX"',
    );
    expect(() => orderPlaced.decode(committed({ ...order, placedAt: 'yesterday' }))).toThrow(EventContractError);
  });

  it('refuses an event of another type or of a version it does not know', () => {
    expect(() => orderPlaced.decode({ ...committed(order), type: 'OrderCancelled' })).toThrow('type');
    expect(() => orderPlaced.decode(committed(order, 2))).toThrow('OrderPlaced v2 (shop) version: expected one of 1');
  });

  it('builds the event a writer appends, with its version, refusing a payload that breaks it', () => {
    expect(orderPlaced.event('c-1', order as never, null)).toEqual({
      type: 'OrderPlaced',
      version: 1,
      aggregateId: 'c-1',
      payload: order,
      actor: null,
    });
    expect(() => orderPlaced.event('c-1', { ...order, total: 12.5 } as never, null)).toThrow('payload.total');
  });

  it('reads every version once upgraded: old events upgraded to the latest payload', () => {
    const v2 = orderPlaced.upgradedTo({
      description: 'The total carries its currency.',
      payload: object({ customerId: string, total: object({ amount: integer, currency: string }), placedAt: time }),
      upgrade: (previous) => ({
        customerId: previous.customerId,
        total: { amount: previous.total, currency: 'EUR' },
        placedAt: previous.placedAt,
      }),
    });
    expect(v2.version).toBe(2);
    expect(v2.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(v2.decode(committed(order))).toEqual({
      customerId: 'c-1',
      total: { amount: 1250, currency: 'EUR' },
      placedAt: order.placedAt,
    });
    const current = { customerId: 'c-1', total: { amount: 5, currency: 'GBP' }, placedAt: order.placedAt };
    expect(v2.decode(committed(current, 2))).toEqual(current);
    expect(() => v2.decode(committed(order, 2))).toThrow('OrderPlaced v2 (shop) payload.total: expected an object');
    expect(v2.event('c-1', current, null).version).toBe(2);
    expect(() => v2.decode(committed(current, 3))).toThrow('expected one of 1, 2');
  });

  it('upgrades with the commit time when the old payload lacks one', () => {
    const stamped = orderPlaced.upgradedTo({
      description: 'Every order says when it was booked.',
      payload: object({ customerId: string, bookedAt: time }),
      upgrade: (previous, event) => ({ customerId: previous.customerId, bookedAt: event.createdAt.toISOString() }),
    });
    expect(stamped.decode(committed(order)).bookedAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('decodes maps of values', () => {
    const kinds = record(integer);
    expect(kinds.decode({ EARN: 3, BONUS: 1 }, 'kinds')).toEqual({ EARN: 3, BONUS: 1 });
    expect(() => kinds.decode({ EARN: 'x' }, 'kinds')).toThrow('kinds.EARN: expected an integer');
  });
});

describe("a producer's contracts", () => {
  it('are keyed by their type and owned by the producer', () => {
    expect(typesOf(Object.values(eventContracts('shop', { OrderPlaced: orderPlaced })))).toEqual(['OrderPlaced']);
    expect(() => eventContracts('shop', { Placed: orderPlaced })).toThrow('declares type OrderPlaced');
    expect(() => eventContracts('till', { OrderPlaced: orderPlaced })).toThrow('owned by shop');
  });
});
