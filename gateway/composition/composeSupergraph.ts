import { composeServices } from '@apollo/composition';
import { printSchema } from 'graphql';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export interface ComposedGraph {
  /** The supergraph the gateway plans with (join directives, subgraph URLs). */
  supergraphSdl: string;
  /** The schema clients see: what codegen and documentation use. */
  apiSdl: string;
}

/** Raised when the subgraphs do not compose; lists every composition error. */
export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes subgraph SDL into a supergraph with Apollo's composition library (no external binary). */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): ComposedGraph {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return {
    supergraphSdl: result.supergraphSdl,
    apiSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
  };
}
