import { createClient, type Client } from 'graphql-ws';
import {
  subscribeResumably,
  type LiveState,
  type SubscriptionEndedError,
} from '../../../examples/sdk/resumableSubscriptionCore.js';
import type { TypedDocumentString } from '../sdk/graphql.js';

export interface GraphError {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

/** The graph refused: its errors, each with its `extensions.code`. */
export class GraphRequestError extends Error {
  constructor(readonly errors: GraphError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** The member's session: their customer id (the token's `sub`) and bearer token. */
export interface Session {
  customerId: string;
  authorization: string;
}

/** Queries and mutations over HTTP on this origin; subscriptions over the gateway's WebSocket. */
export interface Graph {
  request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables): Promise<Data>;
  /**
   * Follows a stream of events with an `after` cursor: every reconnect resumes after the last event
   * delivered (subscribeResumably), `onState` says connecting, live or reconnecting.
   */
  subscribe<Data, Variables extends object>(
    document: TypedDocumentString<Data, Variables>,
    variables: Variables,
    sink: { next(data: Data): void; error(error: SubscriptionEndedError): void; state(state: LiveState): void },
  ): () => void;
  dispose(): void;
}

/**
 * Where the gateway's WebSocket is: the example server says it in `/config.json` (the gateway runs
 * on its own port there); a host that proxies it too serves the same file, or nothing, and the
 * wallet subscribes on its own origin's `/graphql`.
 */
async function webSocketUrl(): Promise<string> {
  try {
    const response = await fetch('/config.json');
    if (response.ok) {
      const { wsUrl } = (await response.json()) as { wsUrl?: string };
      if (wsUrl) return wsUrl;
    }
  } catch {
    // No config: the same origin.
  }
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

export function graphClient({ authorization }: Session): Graph {
  let ws: Promise<Client> | undefined;
  const socket = () =>
    // A wallet left open keeps trying; subscribeResumably picks up where it was each time.
    (ws ??= webSocketUrl().then((url) =>
      createClient({ url, connectionParams: { authorization }, retryAttempts: Infinity, lazy: true }),
    ));
  return {
    async request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables) {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
      let body: { data?: Data; errors?: GraphError[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new GraphRequestError([
          { message: `HTTP ${response.status}`, extensions: { code: 'SERVICE_UNAVAILABLE' } },
        ]);
      }
      if (body.errors?.length) throw new GraphRequestError(body.errors);
      return body.data as Data;
    },
    subscribe(document, variables, sink) {
      let stop: (() => void) | undefined;
      let stopped = false;
      sink.state('connecting');
      void socket().then((client) => {
        if (!stopped) stop = subscribeResumably(client, { document, variables }, sink);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    dispose() {
      void ws?.then((client) => client.dispose());
    },
  };
}

const sessionKey = 'loyalty.wallet.session';

export function savedSession(): Session | undefined {
  const saved = sessionStorage.getItem(sessionKey);
  return saved ? (JSON.parse(saved) as Session) : undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(sessionKey, JSON.stringify(session));
  else sessionStorage.removeItem(sessionKey);
}

/**
 * A development member token from the example server (`/demo-token`, `npm start` only), for the
 * member with this email. A real app signs the member in through its identity provider, whose
 * token carries the member's customer id as `sub`.
 */
export async function demoSignIn(email: string): Promise<Session> {
  const response = await fetch(`/demo-token?${new URLSearchParams({ role: 'member', email })}`);
  const body = (await response.json()) as { authorization?: string; customerId?: string; error?: string };
  if (!body.authorization || !body.customerId) {
    throw new GraphRequestError([{ message: body.error ?? 'sign-in failed', extensions: { code: 'NOT_FOUND' } }]);
  }
  return { customerId: body.customerId, authorization: body.authorization };
}

/** The code of a refusal (`extensions.code`), or SERVICE_UNAVAILABLE for a network failure. */
export function errorCode(error: unknown): string {
  if (error instanceof GraphRequestError) return error.code ?? 'INTERNAL_SERVER_ERROR';
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return 'SERVICE_UNAVAILABLE';
}
