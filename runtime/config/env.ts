/** Raised at start-up when a setting is malformed, naming the variable and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function envString(env: Env, name: string, fallback?: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : fallback;
}

export function envRequired(env: Env, name: string): string {
  const value = envString(env, name);
  if (!value) throw new ConfigError(`${name} must be set`);
  return value;
}

export function envInteger(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = envString(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new ConfigError(`${name} must be an integer from ${range.min} to ${range.max}, got "${raw}"`);
  }
  return value;
}

export function envPort(env: Env, name: string, fallback: number): number {
  return envInteger(env, name, fallback, { min: 0, max: 65535 });
}

export function envUrl(env: Env, name: string, fallback?: string): string | undefined {
  const value = envString(env, name, fallback);
  if (value === undefined) return undefined;
  try {
    new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${value}"`);
  }
  return value;
}
