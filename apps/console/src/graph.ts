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

export interface Graph {
  request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables): Promise<Data>;
}

/** A client of the gateway's `/graphql` on this origin, signed in with one bearer token. */
export function graphClient(authorization: string, url = '/graphql'): Graph {
  return {
    async request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables) {
      const response = await fetch(url, {
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
  };
}

export type ConsoleRole = 'marketer' | 'admin';

export interface Session {
  role: ConsoleRole;
  authorization: string;
}

/** The role a bearer token claims (its payload's `role`), to show the pages that role may use; the graph still decides. */
export function roleOfToken(authorization: string): ConsoleRole | undefined {
  try {
    const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown };
    return json.role === 'marketer' || json.role === 'admin' ? json.role : undefined;
  } catch {
    return undefined;
  }
}

const sessionKey = 'loyalty.console.session';

export function savedSession(): Session | undefined {
  const saved = sessionStorage.getItem(sessionKey);
  return saved ? (JSON.parse(saved) as Session) : undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(sessionKey, JSON.stringify(session));
  else sessionStorage.removeItem(sessionKey);
}

/**
 * A development token from the example server (`/demo-token`, `npm start` only). A deployment signs
 * in through its identity provider and pastes or injects the bearer token instead.
 */
export async function demoSignIn(role: ConsoleRole): Promise<Session> {
  const response = await fetch(`/demo-token?role=${role}`);
  const body = (await response.json()) as { authorization?: string; error?: string };
  if (!body.authorization) throw new Error(body.error ?? 'sign-in failed');
  return { role, authorization: body.authorization };
}
