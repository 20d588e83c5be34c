import type { Database } from '../../../runtime/database/database';
import { PeriodicJob } from '../../../runtime/jobs/periodicJob';
import type { Logger } from '../../../runtime/logging/logger';
import type { ProgramEventSource } from '../upstream/programEvents';
import { WebhookDispatcher, type WebhookDispatchReport } from './webhookDispatcher';
import { WebhookFollower, type WebhookFollowReport } from './webhookFollower';
import type { WebhookSettings } from './webhookSettings';

export interface WebhookJobs {
  /** Queues deliveries for new events of the program's outboxes. */
  follower: PeriodicJob<WebhookFollowReport>;
  /** Sends due deliveries. */
  dispatcher: PeriodicJob<WebhookDispatchReport>;
  start(): void;
  stop(): Promise<void>;
}

/** The two jobs of outbound webhooks, each safe to run on several instances at once. */
export function createWebhookJobs(options: {
  db: Database;
  sources: readonly ProgramEventSource[];
  settings: WebhookSettings;
  logger: Logger;
}): WebhookJobs {
  const { db, sources, settings, logger } = options;
  const sender = new WebhookDispatcher(db, settings, logger);
  const dispatcher = new PeriodicJob('webhook dispatcher', () => sender.dispatch(), logger);
  const follower = new WebhookFollower(db, sources);
  const followJob = new PeriodicJob(
    'webhook follower',
    async () => {
      const report = await follower.follow();
      // New deliveries go out now rather than at the dispatcher's next tick.
      if (report.deliveries > 0) {
        dispatcher.run().catch((error: unknown) => logger.warn('webhook dispatch failed', { error: String(error) }));
      }
      return report;
    },
    logger,
  );
  return {
    follower: followJob,
    dispatcher,
    start() {
      followJob.start(settings.followIntervalMs);
      dispatcher.start(settings.dispatchIntervalMs);
    },
    async stop() {
      await followJob.stop();
      await dispatcher.stop();
    },
  };
}
