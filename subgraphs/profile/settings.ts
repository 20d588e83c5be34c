import { defineSettings, textSetting } from '../../runtime/config/settings';

/** The profile's settings. */
export const profileSettings = defineSettings({
  title: 'Profile',
  services: ['profile', 'stack'],
  settings: {
    phoneRegion: textSetting('PROFILE_PHONE_REGION', {
      accepts: 'a two-letter region such as `GB` or `DE`',
      description: 'the region national phone numbers are read in; unset, phones need a `+` or `00` prefix',
    }),
  },
});
