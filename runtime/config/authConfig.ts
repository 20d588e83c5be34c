import type { AuthConfig } from '../auth/tokens';
import type { Logger } from '../logging/logger';
import { commonSettings } from './commonSettings';
import { ConfigError } from './env';

type Env = Record<string, string | undefined>;

/**
 * Development defaults, so that `npm start` and the README's examples work from a fresh clone.
 * Refused when NODE_ENV=production.
 */
export const developmentAuth = {
  jwtSecret: 'loyalty-graph-development-secret-not-for-production',
  internalSecret: 'loyalty-graph-development-internal-secret-not-for-production',
  issuer: 'loyalty-graph',
  audience: 'loyalty-graph',
} as const;

export function isProduction(env: Env): boolean {
  return commonSettings.settings.nodeEnv.read(env) === 'production';
}

/**
 * `AUTH_JWT_SECRET` (HS256) and/or `AUTH_JWKS_URL` (RS256/ES256 from an identity provider) for
 * client tokens, `AUTH_ISSUER`, `AUTH_AUDIENCE`, `AUTH_CLOCK_TOLERANCE_SECONDS`, and
 * `AUTH_INTERNAL_SECRET` for service-to-service tokens. In production every secret must be set
 * and at least 32 characters long.
 */
export function readAuthConfig(env: Env, logger: Logger): AuthConfig {
  const production = isProduction(env);
  const { settings } = commonSettings;
  let jwtSecret = settings.jwtSecret.read(env);
  const jwksUrl = settings.jwksUrl.read(env);
  let internalSecret = settings.internalSecret.read(env);
  for (const [name, value] of [
    ['AUTH_JWT_SECRET', jwtSecret],
    ['AUTH_INTERNAL_SECRET', internalSecret],
  ] as const) {
    if (value === undefined) continue;
    if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
    if (production && isPublicSecret(value))
      throw new ConfigError(`${name} is a published example value; set your own`);
  }
  const configured = Boolean(jwtSecret || jwksUrl || internalSecret);
  if (production || configured) {
    // Once an operator configures any secret, nothing falls back to the published ones.
    if (!jwtSecret && !jwksUrl) throw new ConfigError('set AUTH_JWT_SECRET or AUTH_JWKS_URL');
    if (!internalSecret) throw new ConfigError('set AUTH_INTERNAL_SECRET as well (services sign their calls with it)');
  } else {
    jwtSecret = developmentAuth.jwtSecret;
    internalSecret = developmentAuth.internalSecret;
    logger.warn('no AUTH_* secrets set: using the published development secrets (refused in production)');
  }
  return {
    jwtSecret,
    jwksUrl,
    internalSecret: internalSecret!,
    issuer: settings.issuer.read(env),
    audience: settings.audience.read(env),
    clockToleranceSeconds: settings.clockToleranceSeconds.read(env),
    maxTokenLifetimeSeconds: settings.maxTokenLifetimeSeconds.read(env),
  };
}

/** The development secrets and the placeholders in docker-compose.yml: public, so never for production. */
function isPublicSecret(value: string): boolean {
  return (
    value === developmentAuth.jwtSecret || value === developmentAuth.internalSecret || value.startsWith('change-me')
  );
}

/** The configuration tests and `startStack` use when given none: the development secrets. */
export function developmentAuthConfig(): AuthConfig {
  const { settings } = commonSettings;
  return {
    ...developmentAuth,
    clockToleranceSeconds: settings.clockToleranceSeconds.default,
    maxTokenLifetimeSeconds: settings.maxTokenLifetimeSeconds.default,
  };
}
