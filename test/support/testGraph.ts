import 'reflect-metadata';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createLogger } from '../../runtime/logging/logger';
import { startStack, type RunningStack } from '../../stack/startStack';
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

export interface TestGraph {
  stack: RunningStack;
  database: TestDatabase;
  url: string;
  wsUrl: string;
  /** POSTs an operation to the gateway and returns the raw GraphQL response. */
  request<Data, Variables>(
    document: TypedDocumentNode<Data, Variables> | DocumentNode | string,
    variables?: Variables,
  ): Promise<GraphQLResult<Data>>;
  /** Like `request`, but fails the test on any GraphQL error. */
  data<Data, Variables>(
    document: TypedDocumentNode<Data, Variables> | DocumentNode | string,
    variables?: Variables,
  ): Promise<Data>;
  subscribe<Data, Variables>(
    document: TypedDocumentNode<Data, Variables> | string,
    variables?: Variables,
  ): Promise<LiveSubscription<Data>>;
  stop(): Promise<void>;
}

const source = (document: DocumentNode | string) => (typeof document === 'string' ? document : print(document));

/**
 * Starts the real graph for a test file: a fresh database, four subgraphs and the gateway on free
 * ports. Everything it opens is closed by `stop()`, which tests call in `afterAll`.
 */
export async function startTestGraph(): Promise<TestGraph> {
  const database = await createTestDatabase();
  const leftovers: Array<() => Promise<void> | void> = [() => database.dispose()];
  let stack: RunningStack;
  try {
    stack = await startStack({ db: database.db, logger: createLogger('error'), eventPollIntervalMs: 250 });
  } catch (error) {
    await database.dispose();
    throw error;
  }
  leftovers.unshift(() => stack.stop());
  const url = stack.gateway.url;
  const wsUrl = stack.gateway.wsUrl;

  const request = async <Data, Variables>(document: DocumentNode | string, variables?: Variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: source(document), variables }),
    });
    return (await response.json()) as GraphQLResult<Data>;
  };

  let wsClient: Client | undefined;
  const graph: TestGraph = {
    stack,
    database,
    url,
    wsUrl,
    request,
    async data(document, variables) {
      const result = await request<never, typeof variables>(document, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as never;
    },
    async subscribe<Data, Variables>(document: DocumentNode | string, variables?: Variables) {
      if (!wsClient) {
        wsClient = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0 });
        const client = wsClient;
        leftovers.unshift(() => client.dispose());
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
              errors: Array.isArray(error) ? error : [{ message: (error as Error).message ?? String(error) }],
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
    async stop() {
      for (const cleanup of leftovers.splice(0)) await cleanup();
    },
  };
  return graph;
}
