import { orderFingerprint, orderTotal, type PurchaseOrder } from './purchase.rules';

const order: PurchaseOrder = {
  customerId: '7d0f1a9e-0000-4000-8000-000000000001',
  channel: 'IN_STORE',
  externalOrderId: 'pos-1',
  storeId: 'berlin-1',
  currency: 'EUR',
  lines: [
    { sku: 'COFFEE', quantity: 2, unitPrice: 350 },
    { sku: 'CAKE', category: 'bakery', quantity: 1, unitPrice: 425 },
  ],
};

describe('purchase rules', () => {
  it('totals lines in minor units', () => {
    expect(orderTotal(order.lines)).toBe(1125);
  });

  it('refuses a total beyond the safe integer range', () => {
    expect(orderTotal([{ sku: 'X', quantity: 10_000, unitPrice: Number.MAX_SAFE_INTEGER }])).toBeUndefined();
  });

  it('gives a retry of the same order the same fingerprint, and a changed order another', () => {
    expect(orderFingerprint({ ...order })).toBe(orderFingerprint(order));
    expect(orderFingerprint({ ...order, lines: [order.lines[0]!] })).not.toBe(orderFingerprint(order));
    expect(orderFingerprint({ ...order, customerId: '7d0f1a9e-0000-4000-8000-000000000002' })).not.toBe(
      orderFingerprint(order),
    );
  });
});
