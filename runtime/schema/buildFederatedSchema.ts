import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from 'type-graphql';
import { roleChecker } from '../auth/authorize';

type SubgraphModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>;

/** The Federation 2 spec version every subgraph links. */
export const federationSpecUrl = 'https://specs.apollo.dev/federation/v2.7';

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  globalMiddlewares?: BuildSchemaOptions['globalMiddlewares'];
  /** Federation directives the subgraph uses, e.g. `['@key', '@shareable']`. */
  federationImports: readonly string[];
  /** `__resolveReference` (and other hand-written resolvers) per type name. */
  referenceResolvers?: Record<string, Record<string, unknown>>;
}

/**
 * type-graphql insists on a PubSub whenever a schema has subscriptions, even when each one brings
 * its own `subscribe`. Ours all read the transactional outbox, so topic-based publishing is refused.
 */
const outboxOnlyPubSub: PubSub = {
  publish() {
    throw new Error('publish to the outbox (appendEvent) instead of a PubSub');
  },
  subscribe() {
    throw new Error('subscriptions read the outbox (EventFeed); give @Subscription a `subscribe` function');
  },
};

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql makes the
 * executable schema (with class-validator input validation), its SDL is printed with the
 * federation directives declared by `@Directive`, and `@apollo/subgraph` adds `_entities` and
 * `_service` on top, keeping type-graphql's resolvers.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    globalMiddlewares: options.globalMiddlewares,
    validate: true,
    pubSub: outboxOnlyPubSub,
    authChecker: roleChecker,
    // Subgraphs legitimately lack a Query or Mutation type of their own.
    skipCheck: true,
  });
  const imports = options.federationImports.map((name) => JSON.stringify(name)).join(', ');
  const typeDefs = gql`
    extend schema @link(url: "${federationSpecUrl}", import: [${imports}])
    ${printSchemaWithDirectives(schema)}
  `;
  const resolvers: Record<string, object> = { ...createResolversMap(schema) };
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...extra };
  }
  return buildSubgraphSchema({ typeDefs, resolvers } as SubgraphModule);
}

/** The SDL composition reads: what `_service { sdl }` answers. */
export function printFederatedSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
