import { commonSettings } from '../../runtime/config/commonSettings';
import type { Setting, SettingsRegistry } from '../../runtime/config/settings';
import { gatewayOwnSettings } from '../../gateway/settings';
import { campaignSettings } from '../../subgraphs/campaign/settings';
import { engagementSettings } from '../../subgraphs/engagement/settings';
import { ledgerSettings } from '../../subgraphs/ledger/settings';
import { profileSettings } from '../../subgraphs/profile/settings';
import { rewardsSettings } from '../../subgraphs/rewards/settings';
import { stackSettings } from '../../stack/settings';
import { toolSettings } from '../settings';
import { generatedNotice, table } from './markdown';

/** Every settings registry: each environment variable the code reads is in one of them. */
export const settingsRegistries: readonly SettingsRegistry[] = [
  commonSettings,
  gatewayOwnSettings,
  profileSettings,
  ledgerSettings,
  rewardsSettings,
  campaignSettings,
  engagementSettings,
  stackSettings,
  toolSettings,
];

const number = (value: number) => value.toLocaleString('en-GB');

function defaultOf(setting: Setting): string {
  if (setting.defaultText) return setting.defaultText;
  if (setting.kind === 'url' && setting.required) return 'required';
  if (setting.default === undefined) return 'unset';
  return `\`${typeof setting.default === 'number' ? setting.default : setting.default}\``;
}

function acceptsOf(setting: Setting): string {
  switch (setting.kind) {
    case 'integer':
      return `an integer from ${number(setting.min)} to ${number(setting.max)}`;
    case 'number':
      return `a number from ${setting.min} to ${setting.max}`;
    case 'url':
      return 'a URL';
    case 'text':
      return setting.accepts ?? 'text';
  }
}

export function settingsPage(): string {
  const sections = settingsRegistries.map((registry) =>
    [
      `## ${registry.title}`,
      '',
      `Read by: ${registry.services.map((service) => (service === 'stack' ? '`npm start`' : service)).join(', ')}.`,
      '',
      table(
        ['variable', 'default', 'accepts', 'meaning'],
        Object.values(registry.settings).map((setting) => [
          `\`${setting.name}\``,
          defaultOf(setting),
          acceptsOf(setting),
          setting.description,
        ]),
      ),
    ].join('\n'),
  );
  return [
    '# Settings',
    '',
    generatedNotice("the settings registries (`runtime/config/commonSettings.ts` and each service's `settings.ts`)"),
    '',
    "Every setting is an environment variable, read and checked at start-up through its service's",
    'registry: a bad value stops the process before anything listens, with a log line that names the',
    'variable and what it accepts:',
    '`{"level":"error",…,"msg":"failed to start: bad configuration","error":"DATABASE_POOL_SIZE must be an integer from 1 to 200, got \\"lots\\""}`.',
    'A variable set to an empty string counts as unset.',
    '',
    sections.join('\n\n'),
    '',
  ].join('\n');
}
