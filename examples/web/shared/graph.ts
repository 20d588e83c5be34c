import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../sdk/graphql.js';
import { subscribeResumably, type LiveState } from './resumableSubscription.js';
import { describeError, type ErrorWordsContext } from './errorWords.js';

/** Where the graph runs, as the example server tells the page. */
interface PageConfig {
  gatewayUrl: string;
  wsUrl: string;
  /** The program's stores (the till, apps/pos, offers them). */
  stores: string[];
}

export interface GraphError {
  message: string;
  extensions?: { code?: string };
}

/** A client of the gateway signed in with one token: queries and mutations over HTTP, subscriptions over WebSocket. */
export interface Graph {
  /** Runs a generated document (examples/web/sdk) with its typed variables; resolves to its typed data. */
  request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables): Promise<Data>;
  /**
   * Follows a stream of events (an `after` cursor, an `eventId` on each): every reconnect resumes
   * after the last event delivered, and no event comes twice. `onState` says live or reconnecting.
   */
  subscribe<Data, Variables extends object>(
    document: TypedDocumentString<Data, Variables>,
    variables: Variables,
    onData: (data: Data) => void,
    onError: (error: unknown) => void,
    onState?: (state: LiveState) => void,
  ): () => void;
}

export class GraphRequestError extends Error {
  constructor(readonly errors: GraphError[]) {
    super(errors.map((error) => `${error.message} (${error.extensions?.code ?? 'ERROR'})`).join('; '));
  }
}

export async function pageConfig(): Promise<PageConfig> {
  return (await (await fetch('/config.json')).json()) as PageConfig;
}

/**
 * Signs in for the demo: the example server mints a development token for the role (never in
 * production, where the identity provider issues tokens).
 */
export async function signIn(params: Record<string, string>): Promise<{ graph: Graph; customerId?: string }> {
  const response = await fetch(`/demo-token?${new URLSearchParams(params)}`);
  const body = (await response.json()) as { authorization?: string; customerId?: string; error?: string };
  if (!body.authorization) throw new Error(body.error ?? 'sign-in failed');
  const authorization = body.authorization;
  const config = await pageConfig();
  let ws: Client | undefined;
  const graph: Graph = {
    async request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables) {
      const result = await fetch(config.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
      const json = (await result.json()) as { data?: Data; errors?: GraphError[] };
      if (json.errors) throw new GraphRequestError(json.errors);
      return json.data as Data;
    },
    subscribe<Data, Variables extends object>(
      document: TypedDocumentString<Data, Variables>,
      variables: Variables,
      onData: (data: Data) => void,
      onError: (error: unknown) => void,
      onState?: (state: LiveState) => void,
    ) {
      // A wallet left open keeps trying; subscribeResumably picks up where it was each time.
      ws ??= createClient({ url: config.wsUrl, connectionParams: { authorization }, retryAttempts: Infinity });
      return subscribeResumably(ws, { document, variables }, { next: onData, error: onError, state: onState });
    },
  };
  return { graph, customerId: body.customerId };
}

/** The element with this id, which the page must have. */
export function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

/** The error in plain words (shared/errorWords.ts), in the page's alert line. */
export function showError(error: unknown, context?: ErrorWordsContext): void {
  element('error').textContent = describeError(error, context);
}
