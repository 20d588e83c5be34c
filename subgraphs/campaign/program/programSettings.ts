import { ConfigError } from '../../../runtime/config/env';
import { isCurrencyCode } from '../../../runtime/validation/validators';
import { isValidTimeZone } from '../schedules/schedule.rules';
import { campaignSettings } from '../settings';

/** The program-wide settings campaigns are read in. */
export interface ProgramSettings {
  /** IANA time zone of schedules, weekly windows and cap periods, e.g. Europe/Paris. */
  timeZone: string;
  /** The currency RFM's monetary score and segment spend thresholds count in. */
  currency: string;
}

export const defaultProgramSettings: ProgramSettings = {
  timeZone: campaignSettings.settings.timeZone.default,
  currency: campaignSettings.settings.currency.default,
};

type Env = Record<string, string | undefined>;

/** `PROGRAM_TIME_ZONE` and `PROGRAM_CURRENCY`: the settings until a marketer changes them in the graph. */
export function readProgramSettings(env: Env): ProgramSettings {
  const timeZone = campaignSettings.settings.timeZone.read(env);
  if (!isValidTimeZone(timeZone))
    throw new ConfigError(`PROGRAM_TIME_ZONE must be an IANA time zone, got "${timeZone}"`);
  const currency = campaignSettings.settings.currency.read(env);
  if (!isCurrencyCode(currency)) throw new ConfigError(`PROGRAM_CURRENCY must be an ISO 4217 code, got "${currency}"`);
  return { timeZone, currency };
}
