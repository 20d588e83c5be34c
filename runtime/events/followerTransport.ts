import type { Database } from '../database/database';
import type { PeriodicJobOptions } from '../jobs/periodicJob';
import type { EventTransport } from './natsEvents';
import type { FollowedOutbox } from './outboxFollower';
import { outboxWakeUps } from './outboxWakeUps';
import { StreamOutbox } from './streamOutbox';

/**
 * Where a follower of `owner`'s outbox reads, by the transport in force: the owner's internal
 * events query (`query`, with `postgres`), or with `nats` the owner's stream through the durable
 * consumer `durable` (unique to the follower: `<follower's schema>-<its cursor>`).
 */
export function followedOutbox(
  transport: EventTransport | undefined,
  owner: string,
  durable: string,
  query: () => FollowedOutbox,
): FollowedOutbox {
  return transport?.kind === 'nats' ? new StreamOutbox(transport.nats, owner, durable) : query();
}

/**
 * What wakes a job that follows `outboxes` (event types by owner schema; null: every type): the
 * owners' `NOTIFY` with `postgres`, their streams' messages with `nats`.
 */
export function followerWakeUps(
  transport: EventTransport | undefined,
  db: Database,
  outboxes: Record<string, readonly string[] | null>,
): PeriodicJobOptions {
  if (transport?.kind !== 'nats') return { wakeUps: outboxWakeUps(db, outboxes) };
  const { nats } = transport;
  return {
    signals: Object.entries(outboxes).map(
      ([owner, types]) =>
        (wake: () => void) =>
          nats.wakeUps(owner, (type) => {
            if (!types || types.includes(type)) wake();
          }),
    ),
  };
}
