import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

// What every app's client shares: the POST to the gateway's /graphql on the app's own origin, its
// refusals as errors with their `extensions.code`, and the browser-tab session. Each app adds what
// is its own (the wallet's subscriptions, the till's store).

/** A generated typed document string (an app's sdk/): its text, and its data and variables' types. */
export type TypedDocument<Data, Variables> = DocumentTypeDecoration<Data, Variables> & { toString(): string };

export interface GraphError {
  message: string;
  extensions?: Record<string, unknown> & { code?: string; reason?: string };
}

/** The graph refused: its errors, each with its `extensions.code` (and often a `reason`). */
export class GraphRequestError extends Error {
  constructor(readonly errors: GraphError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
  get reason(): string | undefined {
    return this.errors[0]?.extensions?.reason;
  }
}

/** The graph could not be reached at all (fetch rejected): the network, not the graph, is down. */
export class NetworkError extends Error {}

export interface GraphRequester {
  request<Data, Variables>(document: TypedDocument<Data, Variables>, variables: Variables): Promise<Data>;
}

/** Queries and mutations over HTTP on this origin's `/graphql`, signed in with one bearer token. */
export function graphRequester(authorization: string, url = '/graphql'): GraphRequester {
  return {
    async request<Data, Variables>(document: TypedDocument<Data, Variables>, variables: Variables) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: document.toString(), variables }),
        });
      } catch (failure) {
        throw new NetworkError(failure instanceof Error ? failure.message : String(failure));
      }
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
  };
}

/** The code of a refusal (`extensions.code`), or SERVICE_UNAVAILABLE when the graph was not reached. */
export function errorCode(error: unknown): string {
  if (error instanceof GraphRequestError) return error.code ?? 'INTERNAL_SERVER_ERROR';
  // An error that carries its own code (the wallet's ended subscription).
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return 'SERVICE_UNAVAILABLE';
}

/** A bearer token's claims (its JWT payload), to show the pages its role may use; the graph still decides. */
export function tokenClaims(authorization: string): Record<string, unknown> {
  try {
    const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A session kept in this browser tab only (sessionStorage), under the app's own key. */
export function tabSession<Session>(key: string): {
  saved(): Session | undefined;
  save(session: Session | undefined): void;
} {
  return {
    saved() {
      const saved = sessionStorage.getItem(key);
      return saved ? (JSON.parse(saved) as Session) : undefined;
    },
    save(session) {
      if (session) sessionStorage.setItem(key, JSON.stringify(session));
      else sessionStorage.removeItem(key);
    },
  };
}
