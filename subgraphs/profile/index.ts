import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import { projectRoot } from '../../runtime/config/projectRoot';
import { urlSource } from '../../runtime/http/graphqlRequest';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { createProfileContext } from './context';
import { FeedbackService } from './feedback/feedback.service';
import { PrivacyService } from './privacy/privacy.service';
import { CustomerService } from './customers/customer.service';
import { NotificationService, type NotificationSettings } from './notifications/notification.service';
import { buildProfileSchema } from './schema';
import { programEventSources, type ProgramEventUrls } from './upstream/programEvents';
import { RewardCatalog } from './upstream/rewardCatalog';
import { WebhookService } from './webhooks/webhook.service';
import { createWebhookJobs } from './webhooks/webhookJobs';
import { defaultWebhookSettings, type WebhookSettings } from './webhooks/webhookSettings';

export const profileMigrationsDir = path.join(projectRoot(), 'subgraphs/profile/migrations');

export interface ProfileOptions extends SubgraphOptions {
  /** The region national phone numbers are read in (ISO 3166 alpha-2, e.g. GB); none: they need a + prefix. */
  phoneRegion?: string | null;
  /**
   * The other services' `/graphql` URLs (may be known only later): notifications and webhooks
   * follow their outboxes. Without them webhooks follow only the profile's own events, and
   * notifications send only birthday messages.
   */
  programEvents?: ProgramEventUrls;
  /** Providers per channel, quiet hours, brand, intervals. */
  notifications?: NotificationSettings;
  /** Outbound webhooks: intervals, backoff, attempts, timeout. */
  webhooks?: Partial<WebhookSettings>;
  /** "Now" for notifications (quiet hours, birthdays). Default the system clock. */
  clock?: () => Date;
}

export interface RunningProfile extends RunningSubgraph {
  notifications: NotificationService;
}

/** Starts the profile subgraph: customers, identities, cards, preferences and consent, enrollment, notifications. */
export async function startProfileSubgraph(options: ProfileOptions): Promise<RunningProfile> {
  const credential = new InternalCredential('profile', options.auth.internalSecret);
  const logger = options.logger.child({ service: 'profile' });
  const customers = new CustomerService(options.db, { phoneRegion: options.phoneRegion ?? null });
  const feedback = new FeedbackService(options.db);
  const privacy = new PrivacyService(options.db);
  const sources = programEventSources(options.db, options.programEvents, credential);
  const notifications = new NotificationService(
    options.db,
    sources,
    new RewardCatalog(urlSource(options.programEvents?.rewardsUrl ?? notConfigured), credential),
    options.notifications ?? {},
    logger.child({ job: 'notifications' }),
    options.clock ?? (() => new Date()),
  );
  const webhookJobs = createWebhookJobs({
    db: options.db,
    sources,
    settings: { ...defaultWebhookSettings, ...options.webhooks },
    logger: logger.child({ job: 'webhooks' }),
  });
  const webhooks = new WebhookService(options.db, sources, () => webhookJobs.dispatcher.wake(0));
  const subgraph = await startSubgraph(
    {
      name: 'profile',
      migrationsDir: profileMigrationsDir,
      schema: await buildProfileSchema(),
      createContext: (input) =>
        createProfileContext({ db: options.db, customers, feedback, privacy, notifications, webhooks }, input),
    },
    options,
  );
  await notifications.start();
  await webhookJobs.start();
  return {
    ...subgraph,
    notifications,
    async stop() {
      await Promise.all([subgraph.stop(), notifications.stop(), webhookJobs.stop()]);
    },
  };
}

function notConfigured(): string {
  throw new Error('this service URL is not configured for the profile subgraph');
}
