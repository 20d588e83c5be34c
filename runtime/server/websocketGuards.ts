import { GraphQLError, parse } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { authenticate } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/tokens';
import { findUnsafeInput, unsafeInputError } from '../validation/inputGuard';

export interface WebSocketGuardOptions {
  verifier: TokenVerifier;
  /** Lexical tokens allowed in one operation. */
  maxTokens: number;
  /** Deepest nesting of an input value. */
  maxInputDepth: number;
  /**
   * Operations one client connection may run at once. A connection that authenticated as one of
   * this graph's services (the gateway, which carries every client's subscriptions to a subgraph
   * over one socket) is not bounded: the gateway bounds each of its clients.
   */
  maxSubscriptionsPerConnection: number;
}

type AnyContext = Context<Record<string, unknown> | undefined, unknown>;

function headerValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * What `graphql-ws` needs for authentication and limits, which Apollo Server plugins never see on
 * a socket: the token of `connection_init` (`{ "authorization": "Bearer ..." }`) is verified when
 * the socket opens; an operation may carry its own token in `extensions.authorization` (the
 * gateway forwards each client's that way over its shared connection); operations per connection
 * and tokens per document are bounded before anything is parsed in full or planned.
 */
export function createWebSocketGuards(options: WebSocketGuardOptions) {
  const connectionPrincipals = new WeakMap<object, Principal | null>();
  const openConnections = new Set<AnyContext>();
  const operationPrincipals = new WeakMap<
    object,
    Map<string, { principal: Principal | null; authorization?: string }>
  >();

  return {
    async onConnect(ctx: AnyContext): Promise<boolean> {
      openConnections.add(ctx);
      try {
        connectionPrincipals.set(
          ctx,
          await authenticate(options.verifier, headerValue(ctx.connectionParams?.authorization)),
        );
        return true;
      } catch {
        // graphql-ws closes the socket with 4403 Forbidden.
        return false;
      }
    },

    async onSubscribe(ctx: AnyContext, id: string, payload: SubscribePayload): Promise<readonly GraphQLError[] | void> {
      // graphql-ws has already reserved this operation's place in ctx.subscriptions.
      const multiplexes = connectionPrincipals.get(ctx)?.role === 'internal';
      if (!multiplexes && Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerConnection) {
        return [
          new GraphQLError(`At most ${options.maxSubscriptionsPerConnection} operations may run on one connection`, {
            extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
          }),
        ];
      }
      let document;
      try {
        document = parse(payload.query, { maxTokens: options.maxTokens });
      } catch (error) {
        return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
      // Apollo Server's plugins never see a socket's operations: the same input guard as over HTTP.
      const unsafe = findUnsafeInput(document, payload.variables, options.maxInputDepth);
      if (unsafe) return [unsafeInputError(unsafe)];
      const forwarded = headerValue(payload.extensions?.authorization);
      let principal = connectionPrincipals.get(ctx) ?? null;
      let authorization = headerValue(ctx.connectionParams?.authorization);
      if (forwarded !== undefined) {
        try {
          principal = await authenticate(options.verifier, forwarded);
          authorization = forwarded;
        } catch (error) {
          return [error as GraphQLError];
        }
      }
      let byId = operationPrincipals.get(ctx);
      if (!byId) operationPrincipals.set(ctx, (byId = new Map()));
      byId.set(id, { principal, authorization });
    },

    /** The principal (and its raw header) of one operation of a connection. */
    principalOf(ctx: AnyContext, id: string): { principal: Principal | null; authorization?: string } {
      return operationPrincipals.get(ctx)?.get(id) ?? { principal: connectionPrincipals.get(ctx) ?? null };
    },

    /** Forgets a connection once its socket closed. */
    onClose(ctx: AnyContext): void {
      openConnections.delete(ctx);
    },

    /** Operations running on every open connection (for the live subscriptions gauge). */
    liveOperations(): number {
      let count = 0;
      for (const ctx of openConnections) count += Object.keys(ctx.subscriptions).length;
      return count;
    },

    /** Forgets an operation once it ended. */
    forget(ctx: AnyContext, id: string): void {
      operationPrincipals.get(ctx)?.delete(id);
    },
  };
}
