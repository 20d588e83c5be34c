import { graphqlRequest, type GraphQLRequestOptions } from './graphqlRequest';

/**
 * One GraphQL operation a service offers the others of the graph, declared once by the service
 * that answers it: its document, and (as types only) its variables and its result. Callers send
 * it with `callOperation`, so a caller never writes a document of its own and cannot drift from
 * the owner's schema (each declaration is validated against it by a unit test).
 */
export interface Operation<Variables extends object, Result> {
  /** The operation name of the document, e.g. `MemberQuoteFacts` (the metrics label). */
  readonly name: string;
  readonly document: string;
  /** Never set: carries the types of the variables and of the result. */
  readonly types?: { variables: Variables; result: Result };
}

const operationHead = /^\s*(query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/** Declares an operation: a document that starts with `query Name` or `mutation Name`. */
export function defineOperation<Variables extends object, Result>(document: string): Operation<Variables, Result> {
  const name = document.match(operationHead)?.[2];
  if (!name) throw new Error('An operation document starts with `query <Name>` or `mutation <Name>`');
  return Object.freeze({ name, document });
}

export function isOperation(value: unknown): value is Operation<object, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { document?: unknown }).document === 'string' &&
    typeof (value as { name?: unknown }).name === 'string'
  );
}

/** Sends a declared operation to the service at `url` (see `graphqlRequest` for its errors). */
export function callOperation<Variables extends object, Result>(
  url: string,
  operation: Operation<Variables, Result>,
  variables: Variables,
  options: GraphQLRequestOptions = {},
): Promise<Result> {
  return graphqlRequest<Result>(url, operation.document, variables as Record<string, unknown>, options);
}

/** The result type of a declared operation, e.g. `OperationResult<typeof memberQuoteFacts>`. */
export type OperationResult<O> = O extends Operation<object, infer Result> ? Result : never;

/** The variables type of a declared operation. */
export type OperationVariables<O> = O extends Operation<infer Variables, unknown> ? Variables : never;
