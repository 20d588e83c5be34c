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
    if (value !== undefined && value.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
  }
  if (production) {
    if (!jwtSecret && !jwksUrl) throw new ConfigError('set AUTH_JWT_SECRET or AUTH_JWKS_URL in production');
    if (!internalSecret) throw new ConfigError('set AUTH_INTERNAL_SECRET in production');
  } else {
    if (!jwtSecret && !jwksUrl) {
      jwtSecret = developmentAuth.jwtSecret;
      logger.warn('AUTH_JWT_SECRET is not set: using the development secret (refused in production)');
    }
    internalSecret ??= developmentAuth.internalSecret;
  }
  return {
    jwtSecret,
    jwksUrl,
    internalSecret: internalSecret!,
    issuer: envString(env, 'AUTH_ISSUER', developmentAuth.issuer)!,
    audience: envString(env, 'AUTH_AUDIENCE', developmentAuth.audience)!,
    clockToleranceSeconds: envInteger(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 30, { min: 0, max: 600 }),
  };
}

/** The configuration tests and `startStack` use when given none: the development secrets. */
export function developmentAuthConfig(): AuthConfig {
  return { ...developmentAuth, clockToleranceSeconds: 30 };
}
