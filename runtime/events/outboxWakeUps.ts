import type { Database } from '../database/database';
import type { WakeUps } from '../jobs/periodicJob';
import { eventsChannel, noticeTypes } from './outbox';

/**
 * Wake-ups for a job that follows outboxes: a `NOTIFY` naming an event of a followed type (null: any
 * type) in one of `outboxes` (by schema). The subgraphs share one database, so a follower hears
 * another service's commits; one pointed at its own database hears nothing and reads on its
 * interval instead.
 */
export function outboxWakeUps(db: Database, outboxes: Record<string, readonly string[] | null>): WakeUps {
  const typesByChannel = new Map(Object.entries(outboxes).map(([schema, types]) => [eventsChannel(schema), types]));
  return {
    db,
    channels: [...typesByChannel.keys()],
    accepts(channel, payload) {
      const types = typesByChannel.get(channel);
      const named = noticeTypes(payload);
      return !types || named === null || named.some((type) => types.includes(type));
    },
  };
}
