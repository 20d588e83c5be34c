import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../sdk/graphql.js';
import type { Graph } from './graph.js';

export const GraphContext = createContext<Graph | undefined>(undefined);

export function useGraph(): Graph {
  const graph = useContext(GraphContext);
  if (!graph) throw new Error('useGraph outside a signed-in console');
  return graph;
}

export interface Loaded<Data> {
  data?: Data;
  error?: unknown;
  loading: boolean;
  reload(): void;
}

/** Calls `reload` every `intervalMs` while `active` holds (a job running, deliveries pending). */
export function useReloadWhile(active: boolean, reload: () => void, intervalMs: number): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, intervalMs);
    return () => clearInterval(timer);
  }, [active, reload, intervalMs]);
}

/** Runs a query when the page opens and whenever its variables change. */
export function useQuery<Data, Variables>(
  document: TypedDocumentString<Data, Variables>,
  variables: Variables,
): Loaded<Data> {
  const graph = useGraph();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: Data; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    graph.request(document, JSON.parse(key) as Variables).then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [graph, document, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

export { errorCode } from '../../ui/graphRequest.js';
