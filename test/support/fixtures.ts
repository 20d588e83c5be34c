import { randomUUID } from 'node:crypto';
import { EnrollCustomerDocument, type RecordPurchaseInput, type RecordReturnInput } from '../../examples/sdk/graphql';
import type { TestGraph } from './testGraph';

/** A value no other test uses, for emails, order ids and the like. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function setEarnRate(graph: TestGraph, currency = 'EUR', points = 1, perAmount = 100): Promise<void> {
  await graph.admin.data(`mutation($input: SetEarnRateInput!) { setEarnRate(input: $input) { currency } }`, {
    input: { currency, points, perAmount },
  });
}

/** Enrolls a member with a unique email and returns their id. */
export async function enrollMember(
  graph: TestGraph,
  givenName = 'Test',
  familyName = 'Member',
): Promise<{ id: string; email: string }> {
  const email = `${unique(givenName.toLowerCase())}@example.com`;
  const { enrollCustomer } = await graph.admin.data(EnrollCustomerDocument, {
    input: { givenName, familyName, email, channel: 'ONLINE' },
  });
  return { id: enrollCustomer.id, email };
}

/** A valid purchase for `customerId`: 2 × €12.50 (2,500 minor units, 25 points at 1 per €1). */
export function purchaseInput(customerId: string, overrides: Partial<RecordPurchaseInput> = {}): RecordPurchaseInput {
  return {
    customerId,
    channel: 'IN_STORE',
    storeId: 'berlin-1',
    externalOrderId: unique('pos'),
    currency: 'EUR',
    lines: [{ sku: 'SHIRT-M', category: 'apparel', quantity: 2, unitPrice: 1250 }],
    ...overrides,
  };
}

/** A return of `lines` from `order`, taken back where it was sold, under a unique return id. */
export function returnOfOrder(
  order: Pick<RecordPurchaseInput, 'channel' | 'storeId' | 'externalOrderId'>,
  lines: RecordReturnInput['lines'],
): RecordReturnInput {
  const { channel, storeId, externalOrderId } = order;
  return {
    channel,
    storeId,
    externalReturnId: unique('ret'),
    originalOrder: { channel, storeId, externalOrderId },
    lines,
  };
}
