import 'reflect-metadata';
import { readGatewaySettings } from '../gateway/gatewayConfig';
import { signClientAuthorization } from '../runtime/auth/tokens';
import { readCommonConfig, readDatabaseConfig } from '../runtime/config/serviceConfig';
import { openDatabase } from '../runtime/database/openDatabase';
import { openEventTransport } from '../runtime/events/natsEvents';
import { runMain } from '../runtime/server/runMain';
import { readProgramSettings } from '../subgraphs/campaign/program/programSettings';
import { readNotificationSettings } from '../subgraphs/engagement/notifications/notificationSettings';
import { readWebhookSettings } from '../subgraphs/engagement/webhooks/webhookSettings';
import { readCustomEventPolicy, readPhoneRegion } from '../subgraphs/profile/profileSettings';
import { readLedgerPolicy } from '../subgraphs/ledger/program/ledgerPolicy';
import { ledgerSettings } from '../subgraphs/ledger/settings';
import { profileSettings } from '../subgraphs/profile/settings';
import { campaignSettings } from '../subgraphs/campaign/settings';
import { rewardsSettings } from '../subgraphs/rewards/settings';
import { startExampleServer } from '../examples/server/exampleServer';
import { seedDemoData } from './seedDemoData';
import { stackSettings } from './settings';
import { startStack } from './startStack';

/** `npm start`: the whole graph in one process, on embedded PGlite unless DATABASE_URL is set. */
runMain(async () => {
  const env = process.env;
  const common = readCommonConfig(env);
  const db = await openDatabase(readDatabaseConfig(env, 'loyalty', common.logger));
  const { settings } = stackSettings;
  const ports = {
    gateway: settings.gatewayPort.read(env),
    profile: settings.profilePort.read(env),
    ledger: settings.ledgerPort.read(env),
    rewards: settings.rewardsPort.read(env),
    campaign: settings.campaignPort.read(env),
    engagement: settings.engagementPort.read(env),
  };
  let events: Awaited<ReturnType<typeof openEventTransport>> | undefined;
  try {
    events = await openEventTransport(common.eventTransport, 'loyalty', common.logger);
    const stack = await startStack({
      db,
      eventTransport: events.transport,
      logger: common.logger,
      host: common.host,
      eventPollIntervalMs: common.eventPollIntervalMs,
      ports,
      auth: common.auth,
      limits: common.limits,
      introspection: !common.production,
      shutdownDelayMs: common.shutdownDelayMs,
      gateway: readGatewaySettings(env, common.logger),
      ledgerPolicy: readLedgerPolicy(env),
      program: readProgramSettings(env),
      historyIntervalMs: campaignSettings.settings.historyIntervalMs.read(env),
      rewardsJobIntervalMs: rewardsSettings.settings.jobIntervalMs.read(env),
      rewardsMaxLatenessDays: rewardsSettings.settings.maxLatenessDays.read(env),
      // One process: the ledger's and the rewards service's merge followers share one interval.
      mergeFollowIntervalMs: ledgerSettings.settings.mergeFollowIntervalMs.read(env),
      phoneRegion: readPhoneRegion(env),
      customEvents: readCustomEventPolicy(env),
      notifications: readNotificationSettings(env),
      webhooks: readWebhookSettings(env),
      exportBatchSize: {
        profile: profileSettings.settings.exportBatchSize.read(env),
        ledger: ledgerSettings.settings.exportBatchSize.read(env),
      },
    });
    if (settings.seedDemoData.read(env) !== 'false') {
      if (common.auth.jwtSecret) {
        const admin = await signClientAuthorization({ role: 'admin', subject: 'demo-seed' }, common.auth, 300);
        const { adaId } = await seedDemoData(stack.gateway.url, admin);
        common.logger.info('demo data ready', { demoMemberEmail: 'ada@example.com', demoMemberId: adaId });
      } else {
        common.logger.warn('demo data not seeded: seeding signs an admin token, which needs AUTH_JWT_SECRET');
      }
    }
    // The console, the till, the example wallet and dashboard sign in with development tokens: never in production.
    const examples =
      common.production || !common.auth.jwtSecret
        ? undefined
        : await startExampleServer({
            gatewayUrl: stack.gateway.url,
            wsUrl: stack.gateway.wsUrl,
            auth: common.auth,
            host: common.host,
            port: settings.examplesPort.read(env),
          });
    const lines = [
      '',
      `Loyalty Graph is running on ${db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}${events.transport.kind === 'nats' ? ', events over NATS JetStream' : ''}.`,
      `  gateway    ${stack.gateway.url}  (WebSocket: ${stack.gateway.wsUrl})`,
      ...Object.values(stack.subgraphs).map((s) => `  ${s.name.padEnd(10)} ${s.url}`),
      ...(examples
        ? [
            `  console    ${examples.url}/console/   wallet ${examples.url}/wallet/   POS ${examples.url}/pos/   dashboard ${examples.url}/dashboard/`,
          ]
        : []),
      'Mint a token to call it: npm run -s token -- admin   (or member <customerId>, associate <storeId>, ...)',
      'Press Ctrl+C to stop.',
      '',
    ];
    process.stdout.write(lines.join('\n'));
    return {
      async stop() {
        await examples?.stop();
        await stack.stop();
        await events?.close();
        await db.close();
      },
    };
  } catch (error) {
    await events?.close();
    await db.close();
    throw error;
  }
});
