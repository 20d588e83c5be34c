import type { JsMsg } from 'nats';
import type { FollowedOutbox } from './outboxFollower';
import type { DurableOutboxConsumer, NatsEvents } from './natsEvents';
import type { UpstreamEvent } from './upstreamOutbox';

/**
 * Another service's outbox as a follower reads it with `EVENT_TRANSPORT=nats`: a JetStream durable
 * consumer of its stream (issue 30), named after the follower, that hands over one event at a time
 * and delivers the next once the follower acknowledges it (after its transaction committed). A crash
 * leaves the event unacknowledged, and it is delivered again (to any instance) before any later one;
 * the follower's own cursor makes that second delivery a no-op if the first had committed. Events of
 * other types, or at or before the cursor, are acknowledged and passed over.
 */
export class StreamOutbox implements FollowedOutbox {
  private consumer: Promise<DurableOutboxConsumer> | undefined;
  /** The event handed over and not yet acknowledged. */
  private inFlight: JsMsg | undefined;

  constructor(
    private readonly nats: NatsEvents,
    /** The owner's schema, e.g. `ledger`. */
    private readonly schema: string,
    /** The durable consumer's name, unique to the follower (e.g. `profile-timeline-ledger`). */
    private readonly durable: string,
  ) {}

  async after(after: number, _first: number, types: readonly string[] | null): Promise<UpstreamEvent[]> {
    // One handed over before and not applied (its run failed): delivered again now, not after the ack wait.
    this.inFlight?.nak();
    this.inFlight = undefined;
    this.consumer ??= this.nats.durable(this.schema, this.durable).catch((error: unknown) => {
      this.consumer = undefined;
      throw error;
    });
    const consumer = await this.consumer;
    for (;;) {
      const next = await consumer.next();
      if (!next) return [];
      if (next.event.id <= after || (types && !types.includes(next.event.type))) {
        await next.message.ackAck();
        continue;
      }
      this.inFlight = next.message;
      return [next.event as UpstreamEvent];
    }
  }

  async acknowledge(): Promise<void> {
    const message = this.inFlight;
    this.inFlight = undefined;
    await message?.ackAck();
  }
}
