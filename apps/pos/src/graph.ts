import { graphRequester, NetworkError, tabSession, tokenClaims, type GraphRequester } from '../../ui/graphRequest.js';

export { GraphRequestError, NetworkError, type GraphError } from '../../ui/graphRequest.js';

export type Graph = GraphRequester;

/** A client of the gateway's `/graphql` on this origin, signed in with one associate's bearer token. */
export const graphClient = graphRequester;

/** A till's sign-in: an associate of one store. Everything it records is for that store, in store. */
export interface Session {
  storeId: string;
  authorization: string;
}

/** The store an associate's bearer token names (its payload's `store`), if it is an associate's. */
export function storeOfToken(authorization: string): string | undefined {
  const { role, store } = tokenClaims(authorization);
  return role === 'associate' && typeof store === 'string' ? store : undefined;
}

const session = tabSession<Session>('loyalty.pos.session');
export const savedSession = session.saved;
export const saveSession = session.save;

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
