import { isSupportedCountry } from 'libphonenumber-js';
import { ConfigError, envString } from '../../runtime/config/env';

type Env = Record<string, string | undefined>;

/** `PROFILE_PHONE_REGION`: the region national phone numbers are read in (e.g. GB); unset, they need a +. */
export function readPhoneRegion(env: Env): string | null {
  const region = envString(env, 'PROFILE_PHONE_REGION');
  if (region === undefined || region === '') return null;
  if (!isSupportedCountry(region)) {
    throw new ConfigError(`PROFILE_PHONE_REGION must be a two-letter region such as GB or DE, got "${region}"`);
  }
  return region;
}
