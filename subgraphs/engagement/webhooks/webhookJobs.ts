import type { Database } from '../../../runtime/database/database';
import { followerWakeUps } from '../../../runtime/events/followerTransport';
import type { EventTransport } from '../../../runtime/events/natsEvents';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import type { ProgramEventSource } from '../upstream/programEvents';
import { WebhookDispatcher, type WebhookDispatchReport } from './webhookDispatcher';
import { WebhookFollower, type WebhookFollowReport } from './webhookFollower';
import type { WebhookSettings } from './webhookSettings';
import { webhookStore } from './webhook.store';

export interface WebhookJobs {
  /** Queues deliveries for new events of the program's outboxes. */
  follower: PeriodicJob<WebhookFollowReport>;
  /** Sends due deliveries. */
  dispatcher: PeriodicJob<WebhookDispatchReport>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The two jobs of outbound webhooks, each safe to run on several instances at once. The follower is
 * woken by every outbox's `NOTIFY`, the dispatcher by the deliveries the follower queues and by the
 * time the next retry is due; their intervals are safety nets.
 */
export function createWebhookJobs(options: {
  db: Database;
  sources: readonly ProgramEventSource[];
  settings: WebhookSettings;
  logger: Logger;
  /** With `nats`, the follower is woken by the streams' messages (its sources then read them). */
  eventTransport?: EventTransport;
}): WebhookJobs {
  const { db, sources, settings, logger } = options;
  const sender = new WebhookDispatcher(db, settings, logger);
  const dispatcher: PeriodicJob<WebhookDispatchReport> = new PeriodicJob(
    'webhook dispatcher',
    async () => {
      const report = await sender.dispatch();
      if (dispatcher.isStarted) {
        const inMs = await webhookStore.nextDueInMs(db);
        if (inMs !== null) dispatcher.wake(inMs);
      }
      return report;
    },
    logger,
  );
  const follower = new WebhookFollower(db, sources);
  const followJob = new PeriodicJob(
    'webhook follower',
    async () => {
      const report = await follower.follow();
      if (report.deliveries > 0) {
        // New deliveries go out now rather than at the dispatcher's next tick; a dispatch under way
        // may have claimed before they were queued, so a started dispatcher is woken for one more.
        if (dispatcher.isStarted) dispatcher.wake(0);
        else
          dispatcher.run().catch((error: unknown) => logger.warn('webhook dispatch failed', { error: String(error) }));
      }
      return report;
    },
    logger,
    followerWakeUps(options.eventTransport, db, Object.fromEntries(sources.map((source) => [source.name, null]))),
  );
  return {
    follower: followJob,
    dispatcher,
    async start() {
      await followJob.start(settings.followIntervalMs);
      await dispatcher.start(settings.dispatchIntervalMs);
    },
    async stop() {
      await followJob.stop();
      await dispatcher.stop();
    },
  };
}
