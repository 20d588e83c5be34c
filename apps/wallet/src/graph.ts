import { createClient, type Client } from 'graphql-ws';
import {
  subscribeResumably,
  type LiveState,
  type SubscriptionEndedError,
} from '../../../examples/sdk/resumableSubscriptionCore.js';
import { GraphRequestError, graphRequester, tabSession } from '../../ui/graphRequest.js';
import type { TypedDocumentString } from '../sdk/graphql.js';

export { GraphRequestError, type GraphError } from '../../ui/graphRequest.js';
export { errorCode } from '../../ui/graphRequest.js';

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
  const requester = graphRequester(authorization);
  let ws: Promise<Client> | undefined;
  const socket = () =>
    // A wallet left open keeps trying; subscribeResumably picks up where it was each time.
    (ws ??= webSocketUrl().then((url) =>
      createClient({ url, connectionParams: { authorization }, retryAttempts: Infinity, lazy: true }),
    ));
  return {
    request: requester.request,
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

const session = tabSession<Session>('loyalty.wallet.session');
export const savedSession = session.saved;
export const saveSession = session.save;

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
