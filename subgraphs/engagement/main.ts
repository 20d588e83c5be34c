import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { readNotificationSettings } from './notifications/notificationSettings';
import { engagementSettings } from './settings';
import { readWebhookSettings } from './webhooks/webhookSettings';
import { startEngagementSubgraph } from '.';

const { settings } = engagementSettings;

runSubgraphMain('engagement', defaultSubgraphPorts.engagement, (options, env) =>
  startEngagementSubgraph({
    ...options,
    programEvents: {
      profileUrl: settings.profileUrl.read(env),
      ledgerUrl: settings.ledgerUrl.read(env),
      rewardsUrl: settings.rewardsUrl.read(env),
      campaignUrl: settings.campaignUrl.read(env),
    },
    notifications: readNotificationSettings(env),
    webhooks: readWebhookSettings(env),
  }),
);
