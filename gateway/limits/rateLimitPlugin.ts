import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
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

function rootFieldCount(set: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count++;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(selection.selectionSet, document, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) count += rootFieldCount(fragment.selectionSet, document, seen);
    }
  }
  return count;
}

/**
 * Refuses mutations over the limits per token and per address with RATE_LIMITED (HTTP 429). Reads
 * are not limited here: their cost is bounded by the operation limits.
 */
export function rateLimitPlugin(store: RateLimitStore, limits: RateLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, document }) {
          if (operation?.operation !== 'mutation') return;
          // Every mutation field counts: thirty aliased purchases in one request are thirty.
          const mutations = rootFieldCount(operation.selectionSet, document);
          const checks: Array<[string, number]> = [[`ip:${contextValue.ip}`, limits.mutationsPerIp]];
          if (contextValue.principal)
            checks.push([`token:${principalKey(contextValue.principal)}`, limits.mutationsPerToken]);
          for (const [key, limit] of checks) {
            if ((await store.hit(key, limits.windowMs, mutations)) > limit) {
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
        // RFC 9110 Retry-After beside the error's retryAfterSeconds, for clients and proxies that read headers.
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limited = response.body.singleResult.errors?.find((error) => error.extensions?.code === 'RATE_LIMITED');
          const seconds = limited?.extensions?.retryAfterSeconds;
          if (typeof seconds === 'number') response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
