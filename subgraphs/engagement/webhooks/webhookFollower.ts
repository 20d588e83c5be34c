import type { Database } from '../../../runtime/database/database';
import { consumerCursor } from '../../../runtime/events/consumerCursor';
import type { ProgramEventSource } from '../upstream/programEvents';
import { deliveriesFor, eventTypeFilter } from './webhook.rules';
import { webhookStore } from './webhook.store';

const batchSize = 500;

export interface WebhookFollowReport {
  /** Events read from the outboxes in this run. */
  events: number;
  /** Deliveries queued for them. */
  deliveries: number;
}

/** The `consumer_cursors` row of one service's outbox. */
export const webhookCursor = (source: ProgramEventSource['name']) => `webhooks:${source}`;

/** Whether reading `read` (null: every type) saw every event of the types in `needed`. */
const covers = (read: readonly string[] | null, needed: readonly string[] | null) =>
  read === null || (needed !== null && needed.every((type) => read.includes(type)));

/**
 * Turns the program's events into webhook deliveries: reads each service's outbox from its cursor
 * (`webhooks:<service>`), and queues one delivery per enabled endpoint subscribed to each event's
 * type, in the transaction that advances the cursor. A crash re-reads a batch, and the delivery's
 * unique (endpoint, source, event, replay) keeps it from being queued twice; instances take turns
 * on the cursor row's lock. An endpoint gets the events from the moment it was enabled on.
 */
export class WebhookFollower {
  constructor(
    private readonly db: Database,
    private readonly sources: readonly ProgramEventSource[],
  ) {}

  async follow(): Promise<WebhookFollowReport> {
    const report = { events: 0, deliveries: 0 };
    // Nothing subscribed: nothing to read (a new endpoint only gets events from its registration on).
    if ((await webhookStore.enabledEndpoints(this.db)).length === 0) return report;
    let failure: unknown;
    // One service being away does not hold up the others; the run still fails, so it is logged.
    for (const source of this.sources) {
      try {
        const read = await this.followSource(source);
        report.events += read.events;
        report.deliveries += read.deliveries;
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
    return report;
  }

  private async followSource(source: ProgramEventSource): Promise<WebhookFollowReport> {
    const name = webhookCursor(source.name);
    const report = { events: 0, deliveries: 0 };
    let cursor = await consumerCursor.read(this.db, 'engagement', name);
    let types = eventTypeFilter((await webhookStore.enabledEndpoints(this.db)).map((e) => e.event_types));
    for (;;) {
      if (types?.length === 0) return report;
      // A stream's consumer passes over (acknowledges) the types it is not asked for, which a
      // subscription added meanwhile could not read again: it is read whole, and filtered here.
      const batch = await source.after(cursor, batchSize, source.acknowledge ? null : types);
      if (batch.length === 0) return report;
      const applied = await this.db.transaction(async (tx) => {
        const committed = await consumerCursor.lock(tx, 'engagement', name);
        const endpoints = await webhookStore.enabledEndpoints(tx);
        const current = eventTypeFilter(endpoints.map((endpoint) => endpoint.event_types));
        // An endpoint subscribed to more types while the batch was read: read again with them.
        if (!covers(types, current)) return { stale: current, deliveries: 0 };
        const fresh = batch.filter((event) => event.id > committed);
        const targets = endpoints.map((e) => ({ id: e.id, eventTypes: e.event_types, since: e.enabled_at }));
        const deliveries = await webhookStore.insertDeliveries(
          tx,
          source.name,
          deliveriesFor(source.name, fresh, targets),
        );
        await consumerCursor.advance(tx, 'engagement', name, batch.at(-1)!.id);
        return { stale: undefined, deliveries };
      });
      if (applied.stale !== undefined) {
        types = applied.stale;
        continue;
      }
      for (const event of batch) await source.acknowledge?.(event);
      report.events += batch.length;
      report.deliveries += applied.deliveries;
      cursor = batch.at(-1)!.id;
      // A stream hands over one event a call: read until it has none.
      if (batch.length < batchSize && !source.acknowledge) return report;
    }
  }
}
