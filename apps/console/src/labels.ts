import type { Translate } from '../../ui/i18n.js';

/** The channels a campaign can be toggled in, one click each. */
export const knownChannels = ['IN_STORE', 'ONLINE', 'MOBILE_APP'] as const;

/** A channel in words ("In store"); one the console does not know by its code. */
export function channelLabel(t: Translate, channel: string): string {
  switch (channel) {
    case 'IN_STORE':
      return t('channel.IN_STORE');
    case 'ONLINE':
      return t('channel.ONLINE');
    case 'MOBILE_APP':
      return t('channel.MOBILE_APP');
    default:
      return channel;
  }
}

/** The key a definition gets from its name ("Weekend Regulars" → "weekend-regulars"): lower-kebab-case, 48 at most. */
export function keyFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}
