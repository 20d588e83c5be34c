import { graphRequester, tabSession, tokenClaims, type GraphRequester } from '../../ui/graphRequest.js';

export { GraphRequestError, type GraphError } from '../../ui/graphRequest.js';

export type Graph = GraphRequester;

/** A client of the gateway's `/graphql` on this origin, signed in with one bearer token. */
export const graphClient = graphRequester;

export type ConsoleRole = 'marketer' | 'admin';

export interface Session {
  role: ConsoleRole;
  authorization: string;
}

/** The role a bearer token claims (its payload's `role`), to show the pages that role may use; the graph still decides. */
export function roleOfToken(authorization: string): ConsoleRole | undefined {
  const { role } = tokenClaims(authorization);
  return role === 'marketer' || role === 'admin' ? role : undefined;
}

const session = tabSession<Session>('loyalty.console.session');
export const savedSession = session.saved;
export const saveSession = session.save;

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
