import 'reflect-metadata';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Principal } from '../../runtime/auth/principal';
import { signClientAuthorization } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { createLogger } from '../../runtime/logging/logger';
import type { SubgraphOptions } from '../../runtime/server/startSubgraph';
import { startStack, type RunningStack, type StackOptions } from '../../stack/startStack';
import { createTestDatabase, type TestDatabase } from './testDatabase';

export interface GraphQLResult<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface LiveSubscription<Data> {
  /** The next message, or a failure after `timeoutMs`. */
  next(timeoutMs?: number): Promise<GraphQLResult<Data>>;
  /** Resolves when the server completed the subscription. */
  completed: Promise<void>;
  close(): void;
}

type Document<Data, Variables> = TypedDocumentNode<Data, Variables> | DocumentNode | string;

/** A client of the gateway with one identity (or none). */
export interface GraphClient {
  /** POSTs an operation to the gateway and returns the raw GraphQL response. */
  request<Data, Variables>(document: Document<Data, Variables>, variables?: Variables): Promise<GraphQLResult<Data>>;
  /** Like `request`, but fails the test on any GraphQL error. */
  data<Data, Variables>(document: Document<Data, Variables>, variables?: Variables): Promise<Data>;
  subscribe<Data, Variables>(
    document: Document<Data, Variables>,
    variables?: Variables,
  ): Promise<LiveSubscription<Data>>;
  /** The `Authorization` header value this client sends, if any. */
  authorization?: string;
}

export type TestPrincipal = Omit<Principal, 'expiresAt'>;

export interface TestGraph {
  stack: RunningStack;
  database: TestDatabase;
  url: string;
  wsUrl: string;
  /** A client without a token. */
  anonymous: GraphClient;
  /** An admin client, for arranging a test's data. */
  admin: GraphClient;
  /** A client signed in as `principal` (a token valid for `ttlSeconds`, default an hour). */
  as(principal: TestPrincipal, ttlSeconds?: number): Promise<GraphClient>;
  /** A client sending exactly this Authorization header. */
  withAuthorization(authorization: string | undefined): GraphClient;
  /**
   * Starts another instance of the whole graph (gateway and five subgraphs) on the same database,
   * as a second deployment would run, with clients of its gateway. Stopped with this graph.
   */
  startInstance(): Promise<{ stack: RunningStack; as(principal: TestPrincipal): Promise<GraphClient> }>;
  stop(): Promise<void>;
}

const source = (document: DocumentNode | string) => (typeof document === 'string' ? document : print(document));

/**
 * Starts the real graph for a test file: a fresh database, five subgraphs and the gateway on free
 * ports, verifying tokens signed with the development secret. Everything it opens is closed by
 * `stop()`, which tests call in `afterAll`.
 */
export async function startTestGraph({
  database: given,
  ...options
}: Partial<Omit<StackOptions, 'db'>> & { database?: TestDatabase } = {}): Promise<TestGraph> {
  const database = given ?? (await createTestDatabase({ migrated: true }));
  const leftovers: Array<() => Promise<void> | void> = [() => database.dispose()];
  let stack: RunningStack;
  const start = () =>
    startStack({
      db: database.db,
      logger: createLogger('error'),
      eventPollIntervalMs: 250,
      // Messages and webhooks follow the outboxes only in the tests that ask for them (their
      // queries would otherwise mix into the statements a test counts).
      notifications: { intervalMs: 0 },
      webhooks: { followIntervalMs: 0, dispatchIntervalMs: 0 },
      ...options,
    });
  try {
    stack = await start();
  } catch (error) {
    await database.dispose();
    throw error;
  }
  leftovers.unshift(() => stack.stop());
  const url = stack.gateway.url;
  const wsUrl = stack.gateway.wsUrl;
  const auth = developmentAuthConfig();

  const client = (authorization: string | undefined, target = { url, wsUrl }): GraphClient => {
    const request = async <Data>(document: DocumentNode | string, variables?: unknown) => {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: source(document), variables }),
      });
      return (await response.json()) as GraphQLResult<Data>;
    };
    let wsClient: Client | undefined;
    return {
      authorization,
      request,
      async data(document, variables) {
        const result = await request<never>(document, variables);
        if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
        return result.data as never;
      },
      async subscribe<Data, Variables>(document: DocumentNode | string, variables?: Variables) {
        if (!wsClient) {
          wsClient = createClient({
            url: target.wsUrl,
            webSocketImpl: WebSocket,
            lazy: true,
            retryAttempts: 0,
            connectionParams: authorization ? { authorization } : {},
          });
          const opened = wsClient;
          leftovers.unshift(() => opened.dispose());
        }
        const messages: GraphQLResult<Data>[] = [];
        const waiting: Array<(message: GraphQLResult<Data>) => void> = [];
        let markCompleted: () => void = () => {};
        const completed = new Promise<void>((resolve) => (markCompleted = resolve));
        const deliver = (message: GraphQLResult<Data>) => {
          const waiter = waiting.shift();
          if (waiter) waiter(message);
          else messages.push(message);
        };
        const unsubscribe = wsClient.subscribe<Data>(
          { query: source(document), variables: variables as Record<string, unknown> | undefined },
          {
            next: (value: ExecutionResult<Data>) => deliver(value as GraphQLResult<Data>),
            error: (error) =>
              deliver({
                errors: Array.isArray(error)
                  ? error
                  : [
                      {
                        message:
                          (error as { reason?: string }).reason || (error as Error).message || 'connection closed',
                        extensions: { closeCode: (error as { code?: number }).code },
                      },
                    ],
              }),
            complete: () => markCompleted(),
          },
        );
        leftovers.unshift(unsubscribe);
        return {
          completed,
          close: unsubscribe,
          next(timeoutMs = 5000) {
            const ready = messages.shift();
            if (ready) return Promise.resolve(ready);
            return new Promise<GraphQLResult<Data>>((resolve, reject) => {
              const timer = setTimeout(() => {
                waiting.splice(waiting.indexOf(settle), 1);
                reject(new Error(`no subscription message within ${timeoutMs} ms`));
              }, timeoutMs);
              const settle = (message: GraphQLResult<Data>) => {
                clearTimeout(timer);
                resolve(message);
              };
              waiting.push(settle);
            });
          },
        };
      },
    };
  };

  const as = async (principal: TestPrincipal, ttlSeconds = 3600) =>
    client(await signClientAuthorization(principal, auth, ttlSeconds));

  return {
    stack,
    database,
    url,
    wsUrl,
    anonymous: client(undefined),
    admin: await as({ role: 'admin', subject: 'test-admin' }),
    as,
    withAuthorization: (authorization) => client(authorization),
    async startInstance() {
      const other = await start();
      leftovers.unshift(() => other.stop());
      const target = { url: other.gateway.url, wsUrl: other.gateway.wsUrl };
      return {
        stack: other,
        as: async (principal: TestPrincipal) => client(await signClientAuthorization(principal, auth, 3600), target),
      };
    },
    async stop() {
      for (const cleanup of leftovers.splice(0)) await cleanup();
    },
  };
}

/**
 * What a test needs to start one more subgraph beside a test graph's (a restart on the same port,
 * a second instance): its database, the development secrets, quiet logs, the test poll interval.
 */
export function subgraphOptions(graph: TestGraph, port = 0): SubgraphOptions {
  return {
    db: graph.database.db,
    auth: developmentAuthConfig(),
    logger: createLogger('error'),
    host: '127.0.0.1',
    port,
    eventPollIntervalMs: 250,
  };
}
