import { isSupportedCountry } from 'libphonenumber-js';
import { ConfigError } from '../../runtime/config/env';
import { profileSettings } from './settings';

type Env = Record<string, string | undefined>;

const { settings } = profileSettings;

/** `PROFILE_PHONE_REGION`: the region national phone numbers are read in (e.g. GB); unset, they need a +. */
export function readPhoneRegion(env: Env): string | null {
  const region = settings.phoneRegion.read(env);
  if (region === undefined || region === '') return null;
  if (!isSupportedCountry(region)) {
    throw new ConfigError(`PROFILE_PHONE_REGION must be a two-letter region such as GB or DE, got "${region}"`);
  }
  return region;
}
