import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import { print, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * The supergraph as the subscription path needs it: the API schema clients validate against, the
 * supergraph schema plan execution reads, and a query planner with a small plan cache.
 */
export class FederatedSchema {
  readonly apiSchema: Schema;
  readonly apiGraphQLSchema: GraphQLSchema;
  readonly supergraphGraphQLSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, QueryPlan>();

  constructor(
    supergraphSdl: string,
    private readonly maxCachedPlans = 500,
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphGraphQLSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** Plans a validated operation (throws a GraphQLError when it cannot be planned). */
  plan(document: DocumentNode, operationName: string | undefined): QueryPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, { operationName, validate: false });
    const plan = this.planner.buildQueryPlan(operation);
    if (this.plans.size >= this.maxCachedPlans) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, plan);
    return plan;
  }
}
