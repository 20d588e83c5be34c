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
