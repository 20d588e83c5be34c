import 'reflect-metadata';
import { MemberOverviewDocument, RecordPurchaseDocument } from '../examples/sdk/graphql';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import { graphqlRequest } from '../runtime/http/graphqlRequest';
import { createLogger } from '../runtime/logging/logger';
import { seedDemoData } from '../stack/seedDemoData';
import { startStack } from '../stack/startStack';
import { createTestDatabase, type TestDatabase } from './support/testDatabase';
import { print } from 'graphql';

describe('stopping and starting the graph again', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ onDisk: true });
  });
  afterAll(() => database?.dispose());

  it('keeps members, balances and history, and seeds the demo data only once', async () => {
    const logger = createLogger('error');
    const authorization = await signClientAuthorization(
      { role: 'admin', subject: 'test-admin' },
      developmentAuthConfig(),
    );
    const asAdmin = { headers: { authorization } };
    const first = await startStack({ db: database.db, logger });
    let adaId: string;
    try {
      ({ adaId } = await seedDemoData(first.gateway.url, authorization));
      await graphqlRequest(
        first.gateway.url,
        print(RecordPurchaseDocument),
        {
          input: {
            customerId: adaId,
            channel: 'ONLINE',
            externalOrderId: 'restart-1',
            currency: 'GBP',
            lines: [{ sku: 'A', quantity: 1, unitPrice: 1000 }],
            // Midweek, so the seeded "Double points weekend" (Friday 18:00 to Sunday) never applies.
            occurredAt: lastWednesdayNoon().toISOString(),
          },
        },
        asAdmin,
      );
    } finally {
      await first.stop();
    }

    const db = await database.reopen();
    const second = await startStack({ db, logger });
    try {
      // A second seed (what a restart of `npm start` does) finds everything in place.
      expect((await seedDemoData(second.gateway.url, authorization)).adaId).toBe(adaId);
      const data = await graphqlRequest<{
        customerByIdentifier: { id: string; loyalty: { balance: number; history: { edges: unknown[] } } };
      }>(second.gateway.url, print(MemberOverviewDocument), { email: 'ada@example.com' }, asAdmin);
      expect(data.customerByIdentifier.id).toBe(adaId);
      // Seeded purchases: £25.00 and £34.50 (59 points: Silver from then on), then £10.00 → 10 base
      // points and a 2-point Silver bonus: 71 points in four entries.
      expect(data.customerByIdentifier.loyalty.balance).toBe(71);
      expect(data.customerByIdentifier.loyalty.history.edges).toHaveLength(4);
      const catalog = await graphqlRequest<{ rewardCatalog: { edges: unknown[] } }>(
        second.gateway.url,
        '{ rewardCatalog { edges { cursor } } }',
        {},
      );
      // The five demo rewards, once, though the seed ran on both starts.
      expect(catalog.rewardCatalog.edges).toHaveLength(5);
    } finally {
      await second.stop();
    }
  });
});

/** The latest Wednesday at 12:00 UTC before now: inside the lateness bound, outside any weekend window. */
function lastWednesdayNoon(now = new Date()): Date {
  const back = (now.getUTCDay() - 3 + 7) % 7 || 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - back, 12));
}
