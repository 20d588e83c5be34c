import 'reflect-metadata';
import { startGateway } from '../gateway';
import type { GatewaySettings } from '../gateway/gatewayConfig';
import { readSupergraphSdl } from '../gateway/composition/generateSchemaFiles';
import type { AuthConfig } from '../runtime/auth/tokens';
import { developmentAuthConfig } from '../runtime/config/authConfig';
import type { Database } from '../runtime/database/database';
import type { EventTransport } from '../runtime/events/natsEvents';
import { UpstreamError } from '../runtime/http/graphqlRequest';
import type { Logger } from '../runtime/logging/logger';
import type { OperationLimits } from '../runtime/server/operationLimits';
import type { RunningServer } from '../runtime/server/startGraphQLServer';
import type { RunningSubgraph } from '../runtime/server/startSubgraph';
import { startCampaignSubgraph, type RunningCampaign } from '../subgraphs/campaign';
import type { ProgramSettings } from '../subgraphs/campaign/program/programSettings';
import { startLedgerSubgraph, type RunningLedger } from '../subgraphs/ledger';
import type { BulkAdjustmentOptions } from '../subgraphs/ledger/bulkAdjustments/bulkAdjustment.service';
import type { LedgerPolicy } from '../subgraphs/ledger/program/ledgerPolicy';
import { startEngagementSubgraph, type RunningEngagement } from '../subgraphs/engagement';
import type { NotificationSettings } from '../subgraphs/engagement/notifications/notification.service';
import type { WebhookSettings } from '../subgraphs/engagement/webhooks/webhookSettings';
import { startProfileSubgraph, type RunningProfile } from '../subgraphs/profile';
import type { CustomEventPolicy } from '../subgraphs/profile/events/customEvent.service';
import type { SubgraphName } from '../subgraphs/registry';
import { startRewardsSubgraph, type RunningRewards } from '../subgraphs/rewards';

export interface StackOptions {
  /** One database shared by all five subgraphs, each in its own schema. */
  db: Database;
  logger: Logger;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Ports by service; a missing one (or 0) picks a free port. */
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  /** Supergraph to serve. Default: the committed `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  eventPollIntervalMs?: number;
  /** How events reach other processes: `NOTIFY` (default) or NATS JetStream, shared by the five subgraphs. */
  eventTransport?: EventTransport;
  /** Token verification for the gateway and every subgraph. Default: the development secrets. */
  auth?: AuthConfig;
  /** Operation limits on the gateway and every subgraph. */
  limits?: OperationLimits;
  /** Introspection on (development) or off (production). Default on. */
  introspection?: boolean;
  /**
   * How long the gateway reports not ready at `stop` before it drains (the subgraphs behind it in
   * this process then stop at once). Default 0.
   */
  shutdownDelayMs?: number;
  /** The gateway's rate limits, body limit and the like. */
  gateway?: GatewaySettings;
  /** The ledger's pending window, expiry policy and points job interval. */
  ledgerPolicy?: LedgerPolicy;
  /** The ledger's and the campaign engine's clock. Default the system clock. */
  clock?: () => Date;
  /** How often campaign looks for due absence timers besides its wake-up at the earliest due time (0: only on request). */
  absencePollMs?: number;
  /** The campaign program's time zone and currency until a marketer sets them. */
  program?: ProgramSettings;
  /** How often campaign reads new ledger events into its purchase history without a `NOTIFY` (0: only on request). */
  historyIntervalMs?: number;
  /** The region national phone numbers are read in (e.g. GB). */
  phoneRegion?: string | null;
  /** How often the rewards job completes abandoned redemptions and expires vouchers (0: only on request). */
  rewardsJobIntervalMs?: number;
  /** Days in the past a voucher use's `occurredAt` may be (`REWARDS_MAX_LATENESS_DAYS`). Default 30. */
  rewardsMaxLatenessDays?: number;
  /** How often the ledger and rewards read profile merges without a `NOTIFY` (0: never). Default 30000 ms. */
  mergeFollowIntervalMs?: number;
  /** Providers per channel (none: messages are logged), quiet hours, brand, intervals. */
  notifications?: NotificationSettings;
  /** Outbound webhooks: intervals, backoff, attempts, timeout. */
  webhooks?: Partial<WebhookSettings>;
  /** The profile's limits of custom events (`PROFILE_EVENT_*`). Default each setting's default. */
  customEvents?: Partial<CustomEventPolicy>;
  /** Rows per keyset batch of bulk exports, by owner. Default 1000 each. */
  exportBatchSize?: { profile?: number; ledger?: number };
  /** The ledger's bulk adjustments: how often it looks for jobs left running, chunk size, concurrency, lease. */
  bulkAdjustments?: BulkAdjustmentOptions & { intervalMs?: number };
}

export interface RunningStack {
  gateway: RunningServer;
  subgraphs: Record<
    Exclude<SubgraphName, 'profile' | 'ledger' | 'campaign' | 'rewards' | 'engagement'>,
    RunningSubgraph
  > & {
    profile: RunningProfile;
    ledger: RunningLedger;
    campaign: RunningCampaign;
    rewards: RunningRewards;
    engagement: RunningEngagement;
  };
  /** Stops the gateway, then the subgraphs. The database stays open (its owner closes it). */
  stop(): Promise<void>;
}

/** The whole graph in one process: five subgraphs, each on its own port, and the gateway. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const auth = options.auth ?? developmentAuthConfig();
  const common = (name: SubgraphName) => ({
    db: options.db,
    auth,
    limits: options.limits,
    introspection: options.introspection,
    logger: options.logger,
    host: options.host,
    port: options.ports?.[name] ?? 0,
    eventPollIntervalMs: options.eventPollIntervalMs,
    eventTransport: options.eventTransport,
  });
  const started: Array<{ stop(): Promise<void> }> = [];
  const track = <T extends { stop(): Promise<void> }>(service: T): T => {
    started.push(service);
    return service;
  };
  try {
    // The profile starts first (everyone asks it about members); the ledger asks campaign for quotes,
    // so it starts after it (and after rewards). Those that read a service started later find its
    // URL once it is up.
    const later: Partial<Record<SubgraphName, string>> = {};
    const urlOf = (name: SubgraphName) => () => {
      const url = later[name];
      // Unavailable, not broken: a job that calls it before it is up retries at its next run.
      if (!url) throw new UpstreamError('UpstreamUnavailable', `the ${name} service is not started yet`);
      return url;
    };
    const ledgerUrl = urlOf('ledger');
    const profile = track(
      await startProfileSubgraph({
        ...common('profile'),
        phoneRegion: options.phoneRegion,
        exportBatchSize: options.exportBatchSize?.profile,
        customEvents: options.customEvents,
        timelineUpstreams: { ledger: ledgerUrl, rewards: urlOf('rewards'), engagement: urlOf('engagement') },
      }),
    );
    const campaign = track(
      await startCampaignSubgraph({
        ...common('campaign'),
        profileUrl: profile.url,
        ledgerUrl,
        rewardsUrl: urlOf('rewards'),
        engagementUrl: urlOf('engagement'),
        absencePollMs: options.absencePollMs,
        program: options.program,
        historyIntervalMs: options.historyIntervalMs,
        clock: options.clock,
      }),
    );
    const rewards = track(
      await startRewardsSubgraph({
        ...common('rewards'),
        ledgerUrl,
        profileUrl: profile.url,
        clock: options.clock,
        jobIntervalMs: options.rewardsJobIntervalMs,
        maxLatenessDays: options.rewardsMaxLatenessDays,
        mergeFollowIntervalMs: options.mergeFollowIntervalMs,
      }),
    );
    const ledger = track(
      await startLedgerSubgraph({
        ...common('ledger'),
        profileUrl: profile.url,
        campaignUrl: campaign.url,
        policy: options.ledgerPolicy,
        clock: options.clock,
        mergeFollowIntervalMs: options.mergeFollowIntervalMs,
        exportBatchSize: options.exportBatchSize?.ledger,
        bulkAdjustmentIntervalMs: options.bulkAdjustments?.intervalMs,
        bulkAdjustments: options.bulkAdjustments,
      }),
    );
    Object.assign(later, { ledger: ledger.url, rewards: rewards.url, campaign: campaign.url });
    // Engagement follows every other outbox and is called only to read its own (by the profile and
    // campaign, which find its URL in `later`), so it starts last.
    const engagement = track(
      await startEngagementSubgraph({
        ...common('engagement'),
        programEvents: {
          profileUrl: profile.url,
          ledgerUrl: ledger.url,
          rewardsUrl: rewards.url,
          campaignUrl: campaign.url,
        },
        notifications: options.notifications,
        webhooks: options.webhooks,
        clock: options.clock,
      }),
    );
    later.engagement = engagement.url;
    const subgraphs = { profile, ledger, rewards, campaign, engagement };
    const gateway = track(
      await startGateway({
        supergraphSdl: options.supergraphSdl ?? readSupergraphSdl(),
        subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
        auth,
        limits: options.limits,
        introspection: options.introspection,
        shutdownDelayMs: options.shutdownDelayMs,
        ...options.gateway,
        host: options.host,
        port: options.ports?.gateway ?? 0,
        logger: options.logger,
      }),
    );
    return {
      gateway,
      subgraphs,
      async stop() {
        await gateway.stop();
        await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
      },
    };
  } catch (error) {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    throw error;
  }
}
