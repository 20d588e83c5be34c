import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import { principalKey } from '../../runtime/auth/principal';
import type { GatewayContext } from '../gatewayContext';
import type { FederatedSchema } from './federatedSchema';
import { stableJson, type UpstreamRequest } from './upstreamSubscriptions';

export interface SubscribeRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The client's context: its principal and token, handed to the subgraphs with every fetch. */
  context: GatewayContext;
}

/** What a client's subscription maps to: the subgraph and operation to open, and how to resolve its events. */
export interface SubscriptionPlan {
  request: SubscribeRequest;
  operationName: string | undefined;
  /** The client's variables, already checked against the schema. */
  variables: Record<string, unknown>;
  /** The fetch opened as a subscription on the subgraph that owns the root field. */
  primary: FetchNode;
  /** The plan each event is resolved through: `primary`, answered from the event, then `rest`. */
  hydrationPlan: QueryPlan;
  /** The upstream operation: the primary fetch, with the variables it uses and no others. */
  upstreamRequest: UpstreamRequest;
  /** Who asks: only subscriptions of one identity share a stream (the subgraph authorised its token). */
  principalKey: string;
  /**
   * Clients with the same key share one stream, and each event is resolved once for all of them.
   * Undefined for a subscription that replays from a cursor: a client joining midway would miss the replay.
   */
  shareKey: string | undefined;
}

export function failure(message: string, code: string): ExecutionResult {
  return { errors: [new GraphQLError(message, { extensions: { code } })] };
}

/**
 * Plans a client's subscription, or answers why it cannot run (not a subscription, bad variables,
 * a selection the planner refuses). Variables are checked before anything is planned or opened upstream.
 */
export function planSubscription(
  schema: FederatedSchema,
  request: SubscribeRequest,
): SubscriptionPlan | ExecutionResult {
  const operationName = request.operationName ?? undefined;
  const operation = getOperationAST(request.document, operationName);
  if (!operation || operation.operation !== 'subscription') {
    return failure('Expected a subscription operation', 'BAD_USER_INPUT');
  }
  const coerced = getVariableValues(
    schema.apiGraphQLSchema,
    operation.variableDefinitions ?? [],
    request.variables ?? {},
    { maxErrors: 25 },
  );
  if (coerced.errors) {
    return {
      errors: coerced.errors.map(
        (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } }),
      ),
    };
  }
  const variables = request.variables ?? {};

  let plan: QueryPlan;
  try {
    plan = schema.plan(request.document, operationName);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    throw error;
  }
  const node = plan.node;
  if (!node || node.kind !== 'Subscription') {
    return failure('This operation has no subscription to run', 'BAD_USER_INPUT');
  }
  const { primary, rest } = node;
  const principal = principalKey(request.context.principal);
  return {
    request,
    operationName,
    variables,
    primary,
    hydrationPlan: {
      kind: 'QueryPlan',
      node: rest ? ({ kind: 'Sequence', nodes: [primary, rest] } as PlanNode) : primary,
    },
    upstreamRequest: primaryRequest(primary, variables),
    principalKey: principal,
    shareKey: resumesFromCursor(primary.operation, variables)
      ? undefined
      : [principal, print(request.document), operationName ?? '', stableJson(variables)].join('\n'),
  };
}

export function isPlan(planned: SubscriptionPlan | ExecutionResult): planned is SubscriptionPlan {
  return 'primary' in planned;
}

function primaryRequest(primary: FetchNode, variables: Record<string, unknown>): UpstreamRequest {
  const used: Record<string, unknown> = {};
  for (const name of primary.variableUsages ?? []) {
    if (variables[name] !== undefined) used[name] = variables[name];
  }
  return { query: primary.operation, variables: used };
}

/** A subscription operation replays from a cursor when it passes `after` a value. */
function resumesFromCursor(operation: string, variables: Record<string, unknown>): boolean {
  let resumes = false;
  visit(parse(operation), {
    Argument(node) {
      if (node.name.value !== 'after') return;
      const { value } = node;
      if (value.kind === Kind.VARIABLE) resumes ||= variables[value.name.value] != null;
      else resumes ||= value.kind !== Kind.NULL;
    },
  });
  return resumes;
}
