import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { ErrorCode } from '../errors/errorCodes';
import type { Principal, Role } from './principal';
import { bearerToken, TokenError, type TokenVerifier } from './tokens';

export interface AuthContext {
  principal: Principal | null;
}

export function unauthenticated(message = 'Sign in: this operation needs a valid token'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/**
 * The principal of an `Authorization` header: `null` without one; an UNAUTHENTICATED error (HTTP
 * 401) for a token that is malformed, forged or expired — never a silent anonymous fallback.
 */
export async function authenticate(verifier: TokenVerifier, header: string | undefined): Promise<Principal | null> {
  if (header === undefined || header.trim() === '') return null;
  const token = bearerToken(header);
  if (!token) throw withStatus(unauthenticated('The Authorization header must be "Bearer <token>"'));
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof TokenError) throw withStatus(unauthenticated(error.message));
    throw error;
  }
}

function withStatus(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
}

/**
 * type-graphql's `@Authorized(...roles)`: no principal is UNAUTHENTICATED, a role not listed is
 * FORBIDDEN. `@Authorized()` with no roles admits any signed-in caller.
 */
export const roleChecker: AuthChecker<AuthContext, Role> = ({ context }, allowed) => {
  if (!context.principal) throw unauthenticated();
  if (allowed.length > 0 && !allowed.includes(context.principal.role)) {
    throw forbidden(`A ${context.principal.role} may not do this`);
  }
  return true;
};

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

/**
 * A member acts only for themself; the listed staff roles act for any customer; everyone else is
 * refused.
 */
export function requireCustomerAccess(
  principal: Principal | null,
  customerId: string,
  staff: readonly Role[],
): Principal {
  const caller = requirePrincipal(principal);
  if (caller.role === 'member' ? caller.subject === customerId : staff.includes(caller.role)) return caller;
  throw forbidden(
    caller.role === 'member'
      ? 'A member may only see their own data'
      : `A ${caller.role} may not see this customer's data`,
  );
}

/**
 * Where a caller may record orders or enroll members: an associate for their own store in store,
 * an integration for its own channel, an admin anywhere.
 */
export function requireChannelAccess(
  principal: Principal | null,
  channel: string,
  storeId: string | null | undefined,
): Principal {
  const caller = requirePrincipal(principal);
  switch (caller.role) {
    case 'admin':
    case 'internal':
      return caller;
    case 'associate':
      if (channel !== 'IN_STORE') throw forbidden('An associate records for the IN_STORE channel only');
      if (storeId !== caller.storeId)
        throw forbidden(`An associate of ${caller.storeId} may not act for store ${storeId ?? '(none)'}`);
      return caller;
    case 'service':
      if (channel !== caller.channel)
        throw forbidden(`An integration for ${caller.channel} may not act for ${channel}`);
      return caller;
    default:
      throw forbidden(`A ${caller.role} may not do this`);
  }
}
