import type { Database } from '../../runtime/database/database';
import { EventFeed } from '../../runtime/events/eventFeed';
import { appendEvent, outboxMigrations, type OutboxEvent } from '../../runtime/events/outbox';
import { migrate } from '../../runtime/migrations/migrate';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

async function take(events: AsyncIterator<OutboxEvent>, count: number, timeoutMs = 5000): Promise<OutboxEvent[]> {
  const taken: OutboxEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (taken.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      events.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`only ${taken.length} of ${count} events`)), deadline - Date.now());
      }),
    ]).finally(() => clearTimeout(timer));
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

describe('the outbox and its event feed', () => {
  let database: TestDatabase;
  let db: Database;
  let feed: EventFeed;
  // Each test has an outbox of its own in one shared database.
  let schema = 'demo';
  let schemaCount = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database?.dispose());
  beforeEach(async () => {
    schema = `feed_${++schemaCount}`;
    await migrate(db, schema, outboxMigrations(schema), 'runtime_migrations');
    // A slow poll, so delivery in these tests comes from NOTIFY.
    feed = new EventFeed(db, schema, { pollIntervalMs: 60_000 });
    await feed.start();
  });
  afterEach(() => feed?.stop());

  const publish = (aggregateId: string, n: number) =>
    db.transaction((tx) =>
      appendEvent(tx, schema, { type: 'Counted', version: 1, aggregateId, payload: { n }, actor: null }),
    );

  it('delivers committed events to live subscribers, in order, woken by NOTIFY', async () => {
    const events = feed.subscribe();
    for (let n = 1; n <= 3; n++) await publish('a', n);
    expect((await take(events, 3)).map((e) => e.payload)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await events.return?.();
  });

  it('never publishes an event whose transaction rolled back', async () => {
    const events = feed.subscribe();
    await expect(
      db.transaction(async (tx) => {
        await appendEvent(tx, schema, {
          type: 'Counted',
          version: 1,
          aggregateId: 'a',
          payload: { n: 'rolled back' },
          actor: null,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await publish('a', 2);
    expect((await take(events, 1)).map((e) => e.payload)).toEqual([{ n: 2 }]);
    await events.return?.();
  });

  it('filters by aggregate and type', async () => {
    const events = feed.subscribe({ filter: { aggregateId: 'b', types: ['Counted'] } });
    await publish('a', 1);
    await publish('b', 2);
    expect((await take(events, 1)).map((e) => e.aggregateId)).toEqual(['b']);
    await events.return?.();
  });

  it('replays from a cursor, then continues live, with no gap and no duplicate', async () => {
    const first = await publish('a', 1);
    await publish('a', 2);
    await publish('a', 3);
    const events = feed.subscribe({ after: first.id });
    const writes = Promise.all([publish('a', 4), publish('a', 5)]);
    const received = await take(events, 4);
    await writes;
    expect(received.map((e) => (e.payload as { n: number }).n).sort()).toEqual([2, 3, 4, 5]);
    expect(received.map((e) => e.id)).toEqual([...received.map((e) => e.id)].sort((x, y) => x - y));
    await events.return?.();
  });

  it('ends a subscription at once when the client leaves, even while it waits for an event', async () => {
    const events = feed.subscribe();
    const pending = events.next();
    await events.return?.();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(feed.subscriberCount).toBe(0);
  });

  it('cuts off a subscriber that falls too far behind, after what it had queued, saying where to resume', async () => {
    const published = [await publish('a', 1), await publish('a', 2), await publish('a', 3)];
    const bounded = new EventFeed(db, schema, { pollIntervalMs: 60_000, maxQueuedPerSubscriber: 2 });
    await bounded.start();
    // Replaying from the start queues all three at once, and nobody reads.
    const events = bounded.subscribe({ after: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await take(events, 2)).map((e) => e.id)).toEqual([published[0]!.id, published[1]!.id]);
    await expect(events.next()).rejects.toMatchObject({
      name: 'SubscriberTooSlowError',
      lastDeliveredId: published[1]!.id,
    });
    await bounded.stop();
  });

  it('still delivers when a notification is missed, by polling', async () => {
    const polling = new EventFeed(db, schema, { pollIntervalMs: 50 });
    await polling.start();
    const events = polling.subscribe();
    // Written without NOTIFY, as if the notification were lost.
    await db.query(`insert into ${schema}.events (type, aggregate_id, payload) values ('Counted', 'a', '{"n":9}')`);
    expect((await take(events, 1)).map((e) => e.payload)).toEqual([{ n: 9 }]);
    await polling.stop();
  });
});
