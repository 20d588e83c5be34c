import { isSupportedCountry } from 'libphonenumber-js';
import { ConfigError } from '../../runtime/config/env';
import { profileSettings } from './settings';

import type { CustomEventPolicy } from './events/customEvent.service';

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

/** The limits of custom events: `PROFILE_EVENT_MAX_LATENESS_DAYS`, `PROFILE_EVENT_MAX_BYTES`, `PROFILE_EVENT_BATCH_MAX_ITEMS`. */
export function readCustomEventPolicy(env: Env): CustomEventPolicy {
  return {
    maxLatenessDays: settings.eventMaxLatenessDays.read(env),
    maxPayloadBytes: settings.eventMaxBytes.read(env),
    batchMaxItems: settings.eventBatchMaxItems.read(env),
  };
}

/** The limits of custom events when none are given: each setting's default. */
export const defaultCustomEventPolicy: CustomEventPolicy = {
  maxLatenessDays: settings.eventMaxLatenessDays.default,
  maxPayloadBytes: settings.eventMaxBytes.default,
  batchMaxItems: settings.eventBatchMaxItems.default,
};
