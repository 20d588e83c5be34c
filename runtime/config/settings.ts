import { ConfigError, envInteger, envRequired, envString, envUrl } from './env';

type Env = Record<string, string | undefined>;

/**
 * Where a setting is read: a service run as its own process, or `npm start` (the whole graph in one
 * process, `stack`), or the command line and test tooling (`tools`).
 */
export type SettingService =
  'gateway' | 'profile' | 'ledger' | 'rewards' | 'campaign' | 'engagement' | 'stack' | 'tools';

interface SettingBase {
  /** The environment variable. */
  readonly name: string;
  /** What it changes, for docs/reference/settings.md. */
  readonly description: string;
  /** The default as the reference shows it, when it is not a plain value (computed, or another setting's). */
  readonly defaultText?: string;
}

export interface IntegerSetting extends SettingBase {
  readonly kind: 'integer';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** The value, or `fallback` (by default `default`) when unset. */
  read(env: Env, fallback?: number): number;
}

export interface TextSetting<Value extends string | undefined = string | undefined> extends SettingBase {
  readonly kind: 'text';
  readonly default: Value;
  /** What the value may be, in words, when it is not free text. */
  readonly accepts?: string;
  read(env: Env): Value;
}

export interface UrlSetting<Value extends string | undefined = string | undefined> extends SettingBase {
  readonly kind: 'url';
  readonly default: Value;
  readonly required?: boolean;
  read(env: Env): Value;
}

export interface NumberSetting extends SettingBase {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  read(env: Env): number;
}

export type Setting = IntegerSetting | NumberSetting | TextSetting | UrlSetting;

/** A service's settings: every environment variable it reads, and nothing read elsewhere. */
export interface SettingsRegistry {
  readonly title: string;
  /** Where these settings are read. */
  readonly services: readonly SettingService[];
  readonly settings: Readonly<Record<string, Setting>>;
}

type Described = Pick<SettingBase, 'description' | 'defaultText'>;

/** A whole number in `[min, max]`; anything else stops the process at start-up, naming the variable. */
export function integerSetting(
  name: string,
  spec: Described & { default: number; min: number; max: number },
): IntegerSetting {
  return {
    kind: 'integer',
    name,
    ...spec,
    read: (env, fallback = spec.default) => envInteger(env, name, fallback, spec),
  };
}

/** A number in `[min, max]`, fractions allowed. */
export function numberSetting(
  name: string,
  spec: Described & { default: number; min: number; max: number },
): NumberSetting {
  return {
    kind: 'number',
    name,
    ...spec,
    read(env) {
      const raw = envString(env, name);
      if (raw === undefined) return spec.default;
      const value = Number(raw);
      if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
        throw new ConfigError(`${name} must be a number from ${spec.min} to ${spec.max}, got "${raw}"`);
      }
      return value;
    },
  };
}

export function portSetting(name: string, spec: Described & { default: number }): IntegerSetting {
  return integerSetting(name, { ...spec, min: 0, max: 65535 });
}

/** Text, trimmed; empty counts as unset. */
export function textSetting(name: string, spec: Described & { default: string; accepts?: string }): TextSetting<string>;
export function textSetting(name: string, spec: Described & { accepts?: string }): TextSetting;
export function textSetting(
  name: string,
  spec: Described & { default?: string; accepts?: string },
): TextSetting<string | undefined> {
  return { kind: 'text', name, default: spec.default, ...spec, read: (env) => envString(env, name, spec.default) };
}

/** A URL; a malformed one stops the process at start-up. */
export function urlSetting(name: string, spec: Described & { default: string }): UrlSetting<string>;
export function urlSetting(name: string, spec: Described & { required: true }): UrlSetting<string>;
export function urlSetting(name: string, spec: Described): UrlSetting;
export function urlSetting(
  name: string,
  spec: Described & { default?: string; required?: boolean },
): UrlSetting<string | undefined> {
  return {
    kind: 'url',
    name,
    default: spec.default,
    ...spec,
    read: (env) => (spec.required ? envUrl(env, name, envRequired(env, name)) : envUrl(env, name, spec.default)),
  };
}

export function defineSettings<Settings extends Record<string, Setting>>(
  registry: Omit<SettingsRegistry, 'settings'> & { settings: Settings },
): SettingsRegistry & { settings: Settings } {
  return registry;
}
