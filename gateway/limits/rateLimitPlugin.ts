import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { principalKey } from '../../runtime/auth/principal';
import type { RateLimitStore } from '../../runtime/rateLimit/rateLimitStore';
import type { GatewayContext } from '../gatewayContext';

export interface RateLimits {
  /** Mutations one token (one principal) may send per window. */
  mutationsPerToken: number;
  /** Mutations one client address may send per window, whatever its tokens. */
  mutationsPerIp: number;
  windowMs: number;
}

export const defaultRateLimits: RateLimits = { mutationsPerToken: 120, mutationsPerIp: 600, windowMs: 60_000 };

/**
 * Refuses mutations over the limits per token and per address with RATE_LIMITED (HTTP 429). Reads
 * are not limited here: their cost is bounded by the operation limits.
 */
export function rateLimitPlugin(store: RateLimitStore, limits: RateLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const checks: Array<[string, number]> = [[`ip:${contextValue.ip}`, limits.mutationsPerIp]];
          if (contextValue.principal)
            checks.push([`token:${principalKey(contextValue.principal)}`, limits.mutationsPerToken]);
          for (const [key, limit] of checks) {
            if ((await store.hit(key, limits.windowMs)) > limit) {
              throw new GraphQLError(
                `Too many changes in a short time; try again within ${Math.ceil(limits.windowMs / 1000)} s`,
                {
                  extensions: {
                    code: 'RATE_LIMITED',
                    retryAfterSeconds: Math.ceil(limits.windowMs / 1000),
                    http: { status: 429 },
                  },
                },
              );
            }
          }
        },
      };
    },
  };
}
