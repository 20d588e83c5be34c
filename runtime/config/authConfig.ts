import type { AuthConfig } from '../auth/tokens';
import type { Logger } from '../logging/logger';
import { ConfigError, envInteger, envString, envUrl } from './env';

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
  return env.NODE_ENV === 'production';
}

/**
 * `AUTH_JWT_SECRET` (HS256) and/or `AUTH_JWKS_URL` (RS256/ES256 from an identity provider) for
 * client tokens, `AUTH_ISSUER`, `AUTH_AUDIENCE`, `AUTH_CLOCK_TOLERANCE_SECONDS`, and
 * `AUTH_INTERNAL_SECRET` for service-to-service tokens. In production every secret must be set
 * and at least 32 characters long.
 */
export function readAuthConfig(env: Env, logger: Logger): AuthConfig {
  const production = isProduction(env);
  let jwtSecret = envString(env, 'AUTH_JWT_SECRET');
  const jwksUrl = envUrl(env, 'AUTH_JWKS_URL');
  let internalSecret = envString(env, 'AUTH_INTERNAL_SECRET');
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
    issuer: envString(env, 'AUTH_ISSUER', developmentAuth.issuer)!,
    audience: envString(env, 'AUTH_AUDIENCE', developmentAuth.audience)!,
    clockToleranceSeconds: envInteger(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 30, { min: 0, max: 600 }),
    maxTokenLifetimeSeconds: envInteger(env, 'AUTH_MAX_TOKEN_LIFETIME_SECONDS', 86_400, { min: 60, max: 31_536_000 }),
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
  return { ...developmentAuth, clockToleranceSeconds: 30, maxTokenLifetimeSeconds: 86_400 };
}
