import type { Database } from '../../runtime/database/database';
import { EventFeed } from '../../runtime/events/eventFeed';
import { appendEvents, outboxMigrations, type OutboxEvent } from '../../runtime/events/outbox';
import { OutboxRelay } from '../../runtime/events/outboxRelay';
import { createLogger } from '../../runtime/logging/logger';
import { migrate } from '../../runtime/migrations/migrate';
import { eventually } from '../support/eventually';
import { connectTestNats, type TestNats } from '../support/testNats';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

// PostgreSQL server and NATS JetStream only (issue 30): the relay under concurrent writers.
describe('the outbox relay to NATS JetStream', () => {
  const schema = 'relayed';
  let database: TestDatabase;
  let db: Database;
  let nats: TestNats;
  const relays: OutboxRelay[] = [];
  let feed: EventFeed;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await migrate(db, schema, outboxMigrations(schema), 'runtime_migrations');
    nats = await connectTestNats();
    for (let i = 0; i < 2; i++) {
      const relay = new OutboxRelay(db, schema, nats.nats, createLogger('error'));
      await relay.job.start(60_000);
      relays.push(relay);
    }
    // Fed by the stream alone: its poll, the safety net, is longer than the test.
    feed = new EventFeed(db, schema, {
      pollIntervalMs: 60_000,
      live: { follow: (onEvent) => nats.nats.follow(schema, onEvent) },
    });
    await feed.start();
  });
  afterAll(async () => {
    await feed?.stop();
    for (const relay of relays) await relay.job.stop();
    await nats?.dispose();
    await database?.dispose();
  });

  it('publishes every committed event once, in id order, from two relays, and none rolled back', async () => {
    const live = feed.subscribe();
    const received: OutboxEvent[] = [];
    const reading = (async () => {
      for await (const event of live) received.push(event);
    })();
    const write = async (writer: number) => {
      for (let n = 0; n < 40; n++) {
        const events = Array.from({ length: 1 + (n % 3) }, (_, i) => ({
          type: 'Counted',
          version: 1,
          aggregateId: `writer-${writer}`,
          payload: { n, i },
          actor: null,
        }));
        // Every fifth transaction rolls back: its ids are drawn and never committed.
        await db
          .transaction(async (tx) => {
            await appendEvents(tx, schema, events);
            if (n % 5 === 4) throw new Error('rolled back');
          })
          .catch((error: unknown) => {
            if (!(error instanceof Error && error.message === 'rolled back')) throw error;
          });
        // Halfway, one relay stops, as an instance would: the other goes on alone.
        if (writer === 0 && n === 20) await relays[0]!.job.stop();
      }
    };
    await Promise.all([0, 1, 2, 3].map(write));

    const { rows } = await db.query<{ id: string }>(`select id from ${schema}.events order by id`);
    const committed = rows.map((row) => Number(row.id));
    await eventually(
      async () => received.length,
      (count) => count >= committed.length,
      'every committed event through the stream',
    );
    await live.return?.();
    await reading;
    expect(received.map((event) => event.id)).toEqual(committed);
    expect(received.every((event) => (event.payload as { n: number }).n % 5 !== 4)).toBe(true);
    expect(await nats.nats.storedCount(schema)).toBe(committed.length);
  });
});
