import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import { projectRoot } from '../../runtime/config/projectRoot';
import { urlSource } from '../../runtime/http/graphqlRequest';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { createEngagementContext } from './context';
import { createMemberView, type MemberView } from './members/memberView';
import {
  defaultNotificationSettings,
  notificationCursor,
  NotificationService,
  type NotificationSettings,
} from './notifications/notification.service';
import { MessageResponseService } from './responses/messageResponse.service';
import { buildEngagementSchema } from './schema';
import { ProfileMembers } from './upstream/profileMembers';
import { ownEventSource, programEventSources, type ProgramEventUrls } from './upstream/programEvents';
import { RewardCatalog } from './upstream/rewardCatalog';
import { WebhookService } from './webhooks/webhook.service';
import { createWebhookJobs } from './webhooks/webhookJobs';
import { webhookCursor } from './webhooks/webhookFollower';
import { defaultWebhookSettings, type WebhookSettings } from './webhooks/webhookSettings';

export const engagementMigrationsDir = path.join(projectRoot(), 'subgraphs/engagement/migrations');

export interface EngagementOptions extends SubgraphOptions {
  /**
   * The other services' `/graphql` URLs (may be known only later): notifications and webhooks
   * follow their outboxes, and the member view follows the profile's.
   */
  programEvents: ProgramEventUrls;
  /** Providers per channel, quiet hours, brand, intervals. */
  notifications?: NotificationSettings;
  /** Outbound webhooks: intervals, backoff, attempts, timeout. */
  webhooks?: Partial<WebhookSettings>;
  /** "Now" for notifications (quiet hours, birthdays). Default the system clock. */
  clock?: () => Date;
}

export interface RunningEngagement extends RunningSubgraph {
  notifications: NotificationService;
  /** Responses to messages; redemptions followed from rewards' voucher events. */
  responses: MessageResponseService;
  memberView: MemberView;
}

/** Starts the engagement subgraph: messages to members, their templates, outbound webhooks and their deliveries. */
export async function startEngagementSubgraph(options: EngagementOptions): Promise<RunningEngagement> {
  const credential = new InternalCredential('engagement', options.auth.internalSecret);
  const logger = options.logger.child({ service: 'engagement' });
  const { eventTransport } = options;
  // The replays' sources read the events queries; each follower reads through sources of its own.
  const sources = programEventSources(options.programEvents, credential);
  const profileUrl = urlSource(options.programEvents.profileUrl);
  const memberView = createMemberView({
    db: options.db,
    profileUrl,
    credential,
    logger: logger.child({ job: 'member-view' }),
    eventTransport,
  });
  const notifications = new NotificationService(
    options.db,
    programEventSources(options.programEvents, credential, { eventTransport, cursorOf: notificationCursor }),
    new RewardCatalog(urlSource(options.programEvents.rewardsUrl), credential),
    new ProfileMembers(profileUrl, credential),
    memberView,
    options.notifications ?? {},
    logger.child({ job: 'notifications' }),
    options.clock ?? (() => new Date()),
    eventTransport,
  );
  const responses = new MessageResponseService(
    options.db,
    urlSource(options.programEvents.rewardsUrl),
    credential,
    options.clock ?? (() => new Date()),
    logger.child({ job: 'message-responses' }),
    eventTransport,
  );
  // Webhooks deliver engagement's own events too (MessageSent, MessageResponded).
  // Engagement's own events are read from its table (its own database), whatever the transport.
  const webhookSources = [...sources, ownEventSource(options.db)];
  const webhookJobs = createWebhookJobs({
    db: options.db,
    sources: [
      ...programEventSources(options.programEvents, credential, { eventTransport, cursorOf: webhookCursor }),
      ownEventSource(options.db),
    ],
    eventTransport,
    settings: { ...defaultWebhookSettings, ...options.webhooks },
    logger: logger.child({ job: 'webhooks' }),
  });
  const webhooks = new WebhookService(options.db, webhookSources, () => webhookJobs.dispatcher.wake(0));
  const subgraph = await startSubgraph(
    {
      name: 'engagement',
      migrationsDir: engagementMigrationsDir,
      schema: await buildEngagementSchema(),
      createContext: (input) => createEngagementContext({ db: options.db, notifications, responses, webhooks }, input),
    },
    options,
  );
  // The view keeps pace with the notifications: woken by the profile's events when they are, and
  // only brought up to date by each notifications run when they run on request alone.
  await memberView.start(options.notifications?.intervalMs ?? defaultNotificationSettings.intervalMs);
  await notifications.start();
  await responses.job.start(options.notifications?.intervalMs ?? defaultNotificationSettings.intervalMs);
  await webhookJobs.start();
  return {
    ...subgraph,
    notifications,
    responses,
    memberView,
    async stop() {
      await Promise.all([
        subgraph.stop(),
        memberView.stop(),
        notifications.stop(),
        responses.job.stop(),
        webhookJobs.stop(),
      ]);
    },
  };
}
