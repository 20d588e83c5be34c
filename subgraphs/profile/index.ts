import 'reflect-metadata';
import path from 'node:path';
import { InternalCredential } from '../../runtime/auth/tokens';
import { projectRoot } from '../../runtime/config/projectRoot';
import type { ServiceUrl } from '../../runtime/http/graphqlRequest';
import { startSubgraph, type RunningSubgraph, type SubgraphOptions } from '../../runtime/server/startSubgraph';
import { createProfileContext } from './context';
import { FeedbackService } from './feedback/feedback.service';
import { PrivacyService } from './privacy/privacy.service';
import { CustomerService } from './customers/customer.service';
import { CustomEventService, type CustomEventPolicy } from './events/customEvent.service';
import { profileExports } from './exports/memberExports';
import { createMemberImport } from './imports/memberImport';
import { buildProfileSchema } from './schema';
import { defaultCustomEventPolicy } from './profileSettings';
import { profileSettings } from './settings';
import { TimelineProjection } from './timeline/timelineProjection';
import type { TimelineUpstream } from './timeline/timelineSources';

export const profileMigrationsDir = path.join(projectRoot(), 'subgraphs/profile/migrations');

export interface ProfileOptions extends SubgraphOptions {
  /** The region national phone numbers are read in (ISO 3166 alpha-2, e.g. GB); none: they need a + prefix. */
  phoneRegion?: string | null;
  /** Rows per batch of a bulk export (`PROFILE_EXPORT_BATCH_SIZE`). Default 1000. */
  exportBatchSize?: number;
  /** Limits of custom events (lateness, payload size, batch size); each defaults to its setting's default. */
  customEvents?: Partial<CustomEventPolicy>;
  /** The `/graphql` URL of each service whose outbox the timeline follows; may be known only later. */
  timelineUpstreams: Record<TimelineUpstream, ServiceUrl>;
  /**
   * How often the timeline reads its sources without a `NOTIFY` from them (a safety net); 0 only on
   * request (`timeline.job.run()`). Default 30000 ms.
   */
  timelineIntervalMs?: number;
}

export interface RunningProfile extends RunningSubgraph {
  /** Purchases, returns, redemptions and messages projected into customers' timelines. */
  timeline: TimelineProjection;
}

/** Starts the profile subgraph: customers, identities, cards, preferences and consent, enrollment, merges and erasure. */
export async function startProfileSubgraph(options: ProfileOptions): Promise<RunningProfile> {
  const customers = new CustomerService(options.db, { phoneRegion: options.phoneRegion ?? null });
  const feedback = new FeedbackService(options.db);
  const privacy = new PrivacyService(options.db);
  const customEvents = new CustomEventService(options.db, { ...defaultCustomEventPolicy, ...options.customEvents });
  const timeline = new TimelineProjection({
    db: options.db,
    upstreams: options.timelineUpstreams,
    credential: new InternalCredential('profile', options.auth.internalSecret),
    logger: options.logger.child({ service: 'profile', job: 'timeline' }),
    eventTransport: options.eventTransport,
  });
  const subgraph = await startSubgraph(
    {
      name: 'profile',
      migrationsDir: profileMigrationsDir,
      schema: await buildProfileSchema(),
      createContext: (input) =>
        createProfileContext({ db: options.db, customers, feedback, privacy, customEvents }, input),
      exports: {
        datasets: profileExports,
        batchSize: options.exportBatchSize ?? profileSettings.settings.exportBatchSize.default,
      },
      imports: { MEMBERS: createMemberImport({ phoneRegion: options.phoneRegion ?? null }) },
    },
    options,
  );
  await timeline.job.start(options.timelineIntervalMs ?? profileSettings.settings.timelineIntervalMs.default);
  return {
    ...subgraph,
    timeline,
    async stop() {
      await Promise.all([subgraph.stop(), timeline.job.stop()]);
    },
  };
}
