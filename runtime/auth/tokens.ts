import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isRole, type Principal } from './principal';

export interface AuthConfig {
  /** HS256 secret of client tokens (development and simple deployments). */
  jwtSecret?: string;
  /** JWKS URL of the identity provider's RS256/ES256 keys (production). */
  jwksUrl?: string;
  /** Required `iss` of client tokens. */
  issuer: string;
  /** Required `aud` of client tokens. */
  audience: string;
  /** Tolerated clock difference with the token issuer, in seconds. */
  clockToleranceSeconds: number;
  /** HS256 secret of the tokens services of this graph present to each other. */
  internalSecret: string;
  /** Longest lifetime a client token may have left; a token valid for longer is refused. */
  maxTokenLifetimeSeconds: number;
}

export interface VerifyOptions {
  /** Whether tokens of this graph's own services are accepted. The gateway, facing clients, refuses them. */
  acceptInternal: boolean;
}

export const internalIssuer = 'loyalty-graph-internal';

export type TokenProblem = 'invalid' | 'expired';

/** A presented token that cannot be trusted. */
export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

const encoder = new TextEncoder();

function toPrincipal(payload: JWTPayload, internal: boolean): Principal {
  const { role, store, channel } = payload as JWTPayload & { role?: unknown; store?: unknown; channel?: unknown };
  if (!isRole(role)) throw new TokenError('invalid', 'The token names no known role');
  // The internal role exists only in tokens of this graph's services, and those carry no other.
  if ((role === 'internal') !== internal) throw new TokenError('invalid', 'The token names a role it may not carry');
  if (typeof payload.sub !== 'string' || payload.sub === '')
    throw new TokenError('invalid', 'The token has no subject');
  if (role === 'associate' && typeof store !== 'string')
    throw new TokenError('invalid', 'An associate token must name a store');
  if (role === 'service' && typeof channel !== 'string')
    throw new TokenError('invalid', 'A service token must name a channel');
  return {
    role,
    subject: payload.sub,
    storeId: typeof store === 'string' ? store : undefined,
    channel: typeof channel === 'string' ? channel : undefined,
    expiresAt: payload.exp,
  };
}

export interface TokenVerifier {
  /** Verifies a bearer token and returns its principal; throws TokenError. */
  verify(token: string): Promise<Principal>;
}

/** How many verified tokens a verifier remembers (the least recently presented is dropped first). */
export const verifiedTokensKept = 1000;

/**
 * Verifies client tokens (HS256 with the configured secret, or the identity provider's keys from
 * JWKS) and, where accepted, this graph's internal tokens: signature, issuer, audience, a required
 * expiry within the allowed lifetime, with the configured clock tolerance. A token that passed is
 * remembered (up to `cache.maxTokens`, 0 for none) and on later requests only its expiry is checked.
 */
export function createTokenVerifier(
  config: AuthConfig,
  verifyOptions: VerifyOptions,
  cache: { maxTokens: number; now?: () => number } = { maxTokens: verifiedTokensKept },
): TokenVerifier {
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secret = config.jwtSecret ? encoder.encode(config.jwtSecret) : undefined;
  const internalSecret = encoder.encode(config.internalSecret);
  const verifySignature = async (token: string): Promise<Principal> => {
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TokenError('invalid', 'The token is not a JWT');
    }
    try {
      const unverified = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as JWTPayload;
      if (unverified.iss === internalIssuer) {
        if (!verifyOptions.acceptInternal) throw new TokenError('invalid', 'The token is not valid');
        const { payload } = await jwtVerify(token, internalSecret, {
          issuer: internalIssuer,
          audience: internalIssuer,
          algorithms: ['HS256'],
          clockTolerance: config.clockToleranceSeconds,
          requiredClaims: ['exp'],
        });
        return toPrincipal(payload, true);
      }
      const options = {
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['exp'],
      };
      let payload: JWTPayload;
      if (header.alg === 'HS256' && secret) {
        payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      } else if (jwks && header.alg !== 'HS256') {
        payload = (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256', 'PS256'] })).payload;
      } else {
        throw new TokenError('invalid', `Tokens signed with ${String(header.alg)} are not accepted here`);
      }
      if (payload.exp! - Date.now() / 1000 > config.maxTokenLifetimeSeconds) {
        throw new TokenError('invalid', `The token is valid for longer than ${config.maxTokenLifetimeSeconds} s`);
      }
      return toPrincipal(payload, false);
    } catch (error) {
      if (error instanceof TokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new TokenError('expired', 'The token has expired');
      throw new TokenError('invalid', 'The token is not valid');
    }
  };
  // Every request of a client (and every subgraph call made for it) carries the same token: its
  // signature and claims are checked once, and only its expiry again on each later request. Only
  // tokens that passed are kept: a refused one is checked in full each time it comes.
  const verified = new Map<string, Principal>();
  const nowSeconds = cache.now ?? (() => Math.floor(Date.now() / 1000));
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        // As jose decides it: expired once `exp` is behind now by more than the tolerance.
        if (known.expiresAt! <= nowSeconds() - config.clockToleranceSeconds) {
          verified.delete(token);
          throw new TokenError('expired', 'The token has expired');
        }
        verified.delete(token);
        verified.set(token, known);
        return known;
      }
      // Frozen: one remembered principal is handed to every later request of its token.
      const principal = Object.freeze(await verifySignature(token));
      if (cache.maxTokens > 0) {
        if (verified.size >= cache.maxTokens) verified.delete(verified.keys().next().value!);
        verified.set(token, principal);
      }
      return principal;
    },
  };
}

export interface MintOptions {
  secret: string;
  issuer: string;
  audience: string;
  /** Lifetime in seconds. Default 3600. */
  ttlSeconds?: number;
}

/** Signs an HS256 token for a principal: the dev token command, tests, demo seeding. */
export async function mintToken(principal: Omit<Principal, 'expiresAt'>, options: MintOptions): Promise<string> {
  const claims: Record<string, string> = { role: principal.role };
  if (principal.storeId) claims.store = principal.storeId;
  if (principal.channel) claims.channel = principal.channel;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 3600}s`)
    .sign(encoder.encode(options.secret));
}

/**
 * A client token signed with the configured HS256 secret (development, tests, demo seeding), as
 * an `Authorization` header value. There is none to sign with when tokens come from an identity
 * provider (JWKS only).
 */
export async function signClientAuthorization(
  principal: Omit<Principal, 'expiresAt'>,
  config: AuthConfig,
  ttlSeconds = 3600,
): Promise<string> {
  if (!config.jwtSecret) throw new Error('no AUTH_JWT_SECRET to sign with: tokens come from the identity provider');
  const token = await mintToken(principal, {
    secret: config.jwtSecret,
    issuer: config.issuer,
    audience: config.audience,
    ttlSeconds,
  });
  return `Bearer ${token}`;
}

/**
 * The token one service of this graph presents to another, refreshed before it expires.
 */
export class InternalCredential {
  private token: { value: string; refreshAt: number } | undefined;

  constructor(
    private readonly serviceName: string,
    private readonly internalSecret: string,
  ) {}

  async authorization(): Promise<string> {
    const now = Date.now();
    if (!this.token || now >= this.token.refreshAt) {
      const value = await mintToken(
        { role: 'internal', subject: this.serviceName },
        { secret: this.internalSecret, issuer: internalIssuer, audience: internalIssuer, ttlSeconds: 600 },
      );
      this.token = { value, refreshAt: now + 300_000 };
    }
    return `Bearer ${this.token.value}`;
  }
}

/** The token of an `Authorization: Bearer <token>` header value, if it has that form. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
