import type { TypedDocumentString } from '../sdk/graphql.js';

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

/** The till could not reach the graph at all (fetch rejected): the network, not the graph, is down. */
export class NetworkError extends Error {}

export interface Graph {
  request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables): Promise<Data>;
}

/** A client of the gateway's `/graphql` on this origin, signed in with one associate's bearer token. */
export function graphClient(authorization: string, url = '/graphql'): Graph {
  return {
    async request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables) {
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

/** A till's sign-in: an associate of one store. Everything it records is for that store, in store. */
export interface Session {
  storeId: string;
  authorization: string;
}

/** The store an associate's bearer token names (its payload's `store`), if it is an associate's. */
export function storeOfToken(authorization: string): string | undefined {
  try {
    const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      role?: unknown;
      store?: unknown;
    };
    return json.role === 'associate' && typeof json.store === 'string' ? json.store : undefined;
  } catch {
    return undefined;
  }
}

const sessionKey = 'loyalty.pos.session';

export function savedSession(): Session | undefined {
  const saved = sessionStorage.getItem(sessionKey);
  return saved ? (JSON.parse(saved) as Session) : undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(sessionKey, JSON.stringify(session));
  else sessionStorage.removeItem(sessionKey);
}

/**
 * The program's stores, from the example server's `/config.json` (the graph has no store list); a
 * host without it offers none, and the till signs in with a token that names its store.
 */
export async function knownStores(): Promise<string[]> {
  try {
    const response = await fetch('/config.json');
    const body = (await response.json()) as { stores?: unknown };
    return Array.isArray(body.stores) ? body.stores.filter((store): store is string => typeof store === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A development associate token for a store from the example server (`/demo-token`, `npm start`
 * only). A deployment signs the till in through its identity provider instead.
 */
export async function demoSignIn(storeId: string): Promise<Session> {
  let body: { authorization?: string; error?: string };
  try {
    const response = await fetch(`/demo-token?role=associate&storeId=${encodeURIComponent(storeId)}`);
    body = (await response.json()) as typeof body;
  } catch (failure) {
    throw new NetworkError(failure instanceof Error ? failure.message : String(failure));
  }
  if (!body.authorization) throw new Error(body.error ?? 'sign-in failed');
  return { storeId, authorization: body.authorization };
}

/** A store id as a place name: "london-1" is "London 1". */
export function storeName(storeId: string): string {
  return storeId
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
