import { randomUUID } from 'node:crypto';
import { outboxMigrations } from '../../runtime/events/outbox';
import { loadMigrations, migrate } from '../../runtime/migrations/migrate';
import { engagementMigrationsDir } from '../../subgraphs/engagement';
import { profileMigrationsDir } from '../../subgraphs/profile';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/** The last profile migration of the release before engagement had its own subgraph (issue 24). */
const lastMigrationBeforeEngagement = 7;

/**
 * An install made by the release before issue 24: messages, templates, webhooks and deliveries in
 * the profile schema. Migrating it must keep every row and let the graph go on from them.
 */
describe('engagement migration: messaging moves out of profile with its data', () => {
  let database: TestDatabase;
  let graph: TestGraph;
  const customerId = randomUUID();
  const notificationId = randomUUID();
  const endpointId = randomUUID();
  let oldDeliveryId: number;
  let oldReplay: number;
  let newestProfileEvent: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await migrate(db, 'profile', outboxMigrations('profile'), 'runtime_migrations');
    await migrate(
      db,
      'profile',
      loadMigrations(profileMigrationsDir).filter((migration) => migration.version <= lastMigrationBeforeEngagement),
    );
    await db.query(
      `insert into profile.customers (id, given_name, enrollment_channel, language) values ($1, 'Grace', 'ONLINE', 'en')`,
      [customerId],
    );
    await db.query(`insert into profile.identities (type, value, customer_id) values ('EMAIL', $1, $2)`, [
      `grace-${customerId.slice(0, 8)}@example.com`,
      customerId,
    ]);
    await db.query(
      `insert into profile.consents (customer_id, channel, granted, source) values ($1, 'EMAIL', false, 'form'), ($1, 'EMAIL', true, 'app')`,
      [customerId],
    );
    const { rows: events } = await db.query<{ id: string }>(
      `insert into profile.events (type, aggregate_id, payload) values ('ConsentChanged', $1, $2::jsonb) returning id`,
      [customerId, JSON.stringify({ customerId })],
    );
    newestProfileEvent = Number(events[0]!.id);
    await db.query(
      `insert into profile.notification_templates (kind, channel, language, subject, body)
       values ('BIRTHDAY', 'EMAIL', 'en', 'Many happy returns', 'Dear {{givenName}}')`,
    );
    await db.query(
      `insert into profile.notifications (id, event_key, customer_id, kind, channel, language, recipient, subject, body, status, send_after)
       values ($1, 'ledger:1:POINTS_EARNED', $2, 'POINTS_EARNED', 'EMAIL', 'en', 'grace@example.com', 'Points', 'You earned', 'PENDING', now() - interval '1 minute')`,
      [notificationId, customerId],
    );
    await db.query(`insert into profile.consumer_cursors (source, last_event_id) values ('notifications:ledger', 41)`);
    await db.query(
      `insert into profile.webhook_endpoints (id, url, event_types, secret) values ($1, 'https://example.com/hook', '{*}', 'secret')`,
      [endpointId],
    );
    oldReplay = Number(
      (await db.query<{ replay: string }>(`select nextval('profile.webhook_replays') as replay`)).rows[0]!.replay,
    );
    const { rows: deliveries } = await db.query<{ id: string }>(
      `insert into profile.webhook_deliveries (endpoint_id, source, event_id, event_type, order_key, body, status)
       values ($1, 'profile', $2, 'ConsentChanged', $3, '{}', 'DEAD') returning id`,
      [endpointId, newestProfileEvent, customerId],
    );
    oldDeliveryId = Number(deliveries[0]!.id);
    graph = await startTestGraph({ database });
  }, 60_000);

  afterAll(() => graph?.stop());

  it('leaves no messaging table in the profile schema', async () => {
    const { rows } = await database.db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'profile'
        and table_name in ('notifications', 'notification_templates', 'webhook_endpoints', 'webhook_deliveries', 'consumer_cursors')`,
    );
    expect(rows).toEqual([]);
  });

  it('keeps templates, endpoints, deliveries and cursors, and ids and replay numbers continue', async () => {
    const { notificationTemplates } = await graph.admin.data<
      {
        notificationTemplates: Array<{
          kind: string;
          channel: string;
          language: string;
          subject: string | null;
          custom: boolean;
        }>;
      },
      never
    >(`{ notificationTemplates { kind channel language subject custom } }`);
    expect(notificationTemplates).toContainEqual({
      kind: 'BIRTHDAY',
      channel: 'EMAIL',
      language: 'en',
      subject: 'Many happy returns',
      custom: true,
    });
    const { db } = database;
    const cursor = await db.query(
      `select last_event_id from engagement.consumer_cursors where source = 'notifications:ledger'`,
    );
    expect(cursor.rows).toEqual([{ last_event_id: 41 }]);
    const { rows: deliveries } = await db.query<{ id: string }>(
      `insert into engagement.webhook_deliveries (endpoint_id, source, event_id, event_type, order_key, body, status)
       values ($1, 'profile', $2, 'ConsentChanged', $3, '{}', 'DEAD') returning id`,
      [endpointId, newestProfileEvent + 1, customerId],
    );
    expect(Number(deliveries[0]!.id)).toBeGreaterThan(oldDeliveryId);
    const replay = await db.query<{ replay: string }>(`select nextval('engagement.webhook_replays') as replay`);
    expect(Number(replay.rows[0]!.replay)).toBeGreaterThan(oldReplay);
    const endpoints = await db.query('select id from engagement.webhook_endpoints');
    expect(endpoints.rows).toEqual([{ id: endpointId }]);
  });

  it('seeds its consent view from the profile once, and follows the profile from its newest event', async () => {
    const { db } = database;
    const consents = await db.query('select customer_id, channel, granted from engagement.member_consents');
    expect(consents.rows).toEqual([{ customer_id: customerId, channel: 'EMAIL', granted: true }]);
    const cursor = await db.query<{ last_event_id: string }>(
      `select last_event_id from engagement.consumer_cursors where source = 'members:profile'`,
    );
    expect(Number(cursor.rows[0]!.last_event_id)).toBeGreaterThanOrEqual(newestProfileEvent);
  });

  it('sends the message that was waiting, and shows it on the member through the graph', async () => {
    const { runNotifications } = await graph.admin.data<{ runNotifications: { sent: number } }, never>(
      `mutation { runNotifications { sent } }`,
    );
    expect(runNotifications.sent).toBe(1);
    const { customer } = await graph.admin.data<
      { customer: { notifications: { edges: Array<{ node: { id: string; status: string } }> } } },
      { id: string }
    >(`query($id: ID!) { customer(id: $id) { notifications { edges { node { id status } } } } }`, { id: customerId });
    expect(customer.notifications.edges.map((edge) => edge.node)).toEqual([{ id: notificationId, status: 'SENT' }]);
  });

  it('brings its consent view up to date before deciding messages, when it is behind the profile', async () => {
    await graph.admin.data(
      `mutation($id: ID!, $input: SetConsentInput!) { setConsent(customerId: $id, input: $input) { id } }`,
      { id: customerId, input: { channel: 'EMAIL', granted: false, source: 'app' } },
    );
    const answer = async () =>
      (
        await database.db.query<{ granted: boolean }>(
          `select granted from engagement.member_consents where customer_id = $1 and channel = 'EMAIL'`,
          [customerId],
        )
      ).rows[0]?.granted;
    // The view runs with the notifications (on request in tests): the answer waits for the next run.
    expect(await answer()).toBe(true);
    await graph.admin.data(`mutation { runNotifications { decided } }`);
    expect(await answer()).toBe(false);
  });
});

describe('engagement migration on a fresh database', () => {
  it('leaves the tables in engagement only when engagement migrates before profile', async () => {
    // Engagement first: profile's 006 and 007 then make empty copies, which its 008 drops. (Profile
    // first is what every other test does: engagement's 001 moves the empty tables.)
    const database = await createTestDatabase();
    try {
      const { db } = database;
      await migrate(db, 'engagement', loadMigrations(engagementMigrationsDir));
      await migrate(db, 'profile', outboxMigrations('profile'), 'runtime_migrations');
      await migrate(db, 'profile', loadMigrations(profileMigrationsDir));
      const { rows } = await db.query<{ table_schema: string; table_name: string }>(
        `select table_schema, table_name from information_schema.tables
          where table_name in ('notifications', 'webhook_deliveries') order by table_schema, table_name`,
      );
      expect(rows).toEqual([
        { table_schema: 'engagement', table_name: 'notifications' },
        { table_schema: 'engagement', table_name: 'webhook_deliveries' },
      ]);
    } finally {
      await database.dispose();
    }
  });
});
