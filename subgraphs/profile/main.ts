import 'reflect-metadata';
import { runSubgraphMain } from '../../runtime/server/runSubgraphMain';
import { defaultSubgraphPorts } from '../registry';
import { ConfigError } from '../../runtime/config/env';
import { readNotificationSettings, readPhoneRegion } from './profileSettings';
import { profileSettings } from './settings';
import { readWebhookSettings } from './webhooks/webhookSettings';
import { startProfileSubgraph } from '.';

runSubgraphMain('profile', defaultSubgraphPorts.profile, (options, env) =>
  startProfileSubgraph({
    ...options,
    phoneRegion: readPhoneRegion(env),
    programEvents: readProgramEventUrls(env),
    notifications: readNotificationSettings(env),
    webhooks: readWebhookSettings(env),
  }),
);

/** LEDGER_URL, REWARDS_URL and CAMPAIGN_URL, all or none: notifications follow those services' events. */
function readProgramEventUrls(env: NodeJS.ProcessEnv) {
  const { settings } = profileSettings;
  const [ledgerUrl, rewardsUrl, campaignUrl] = [settings.ledgerUrl, settings.rewardsUrl, settings.campaignUrl].map(
    (setting) => setting.read(env),
  );
  if (!ledgerUrl && !rewardsUrl && !campaignUrl) return undefined;
  if (!ledgerUrl || !rewardsUrl || !campaignUrl)
    throw new ConfigError('LEDGER_URL, REWARDS_URL and CAMPAIGN_URL are set together or not at all');
  return { ledgerUrl, rewardsUrl, campaignUrl };
}
