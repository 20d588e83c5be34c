import { createContext, useContext } from 'react';
import type { Graph } from './graph.js';

export const GraphContext = createContext<Graph | undefined>(undefined);

export function useGraph(): Graph {
  const graph = useContext(GraphContext);
  if (!graph) throw new Error('useGraph outside a signed-in till');
  return graph;
}
