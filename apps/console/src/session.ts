import { createContext, useContext } from 'react';
import type { Session } from './graph.js';

export const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in session: its role and bearer token (for requests the typed client does not make, an upload). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
