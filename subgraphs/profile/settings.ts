import { defineSettings, integerSetting, textSetting } from '../../runtime/config/settings';

/** The profile's settings. */
export const profileSettings = defineSettings({
  title: 'Profile',
  services: ['profile', 'stack'],
  settings: {
    phoneRegion: textSetting('PROFILE_PHONE_REGION', {
      accepts: 'a two-letter region such as `GB` or `DE`',
      description: 'the region national phone numbers are read in; unset, phones need a `+` or `00` prefix',
    }),
    exportBatchSize: integerSetting('PROFILE_EXPORT_BATCH_SIZE', {
      default: 1000,
      min: 1,
      max: 100_000,
      description:
        'members read per keyset batch of a bulk export (`GET /export/members` on the gateway); a batch at most waits in memory',
    }),
  },
});
