import type { GraphQLFormattedError } from 'graphql';

/**
 * How an upstream subscription ended, decided in one place for every way a subgraph reports it:
 * - `refused`: the subgraph answered the operation with errors a retry cannot fix (FORBIDDEN,
 *   UNAUTHENTICATED, BAD_USER_INPUT, NOT_FOUND, validation, or anything not known to pass): its
 *   clients get the errors once and the subscription is never reopened;
 * - `lost`: the upstream went away (a closed socket, a refused connection, a subgraph shutting
 *   down, a service it depends on unavailable, its feed left behind): reopening may succeed.
 * `error` is what the clients are told, as the subgraph or the socket gave it.
 */
export type UpstreamEnd = { kind: 'refused'; error: unknown } | { kind: 'lost'; error: unknown };

/** Codes of errors that say the subgraph could not serve the operation now, not that it never will. */
const retryableCodes: ReadonlySet<unknown> = new Set(['SERVICE_UNAVAILABLE', 'SUBSCRIPTION_BEHIND']);

/** Errors the subgraph sent for the operation as a whole: lost only when every one is retryable. */
function classifyErrors(errors: ReadonlyArray<GraphQLFormattedError>): UpstreamEnd {
  const lost = errors.length > 0 && errors.every((error) => retryableCodes.has(error.extensions?.code));
  return { kind: lost ? 'lost' : 'refused', error: errors };
}

/**
 * A result without `data` is a request error (GraphQL spec, "Response"): the operation did not
 * run, or stopped, rather than one event failing; graphql-js answers a subscription its
 * `subscribe` refused (no right, unknown member, bad cursor) with one, followed by `complete`. A
 * result with data, even `null` with field errors, is an event and changes nothing here.
 */
export function endOfOperation(result: {
  data?: unknown;
  errors?: ReadonlyArray<GraphQLFormattedError>;
}): UpstreamEnd | undefined {
  if (result.data !== undefined || !result.errors?.length) return undefined;
  return classifyErrors(result.errors);
}

/**
 * What graphql-ws handed the sink's `error`: the subgraph's GraphQL errors (an `error` message),
 * or the socket's close event or failure. Close codes 4400-4499 are the subgraph refusing the
 * gateway's connection itself (bad request, forbidden, ...), which reconnecting will not change.
 */
export function endOfConnection(error: unknown): UpstreamEnd {
  if (Array.isArray(error)) return classifyErrors(error as GraphQLFormattedError[]);
  const code = (error as { code?: unknown } | null)?.code;
  const refused = typeof code === 'number' && code >= 4400 && code < 4500;
  return { kind: refused ? 'refused' : 'lost', error };
}

/** The `extensions.code` of a refusal's first error, if it has one. */
export function refusalCode(end: UpstreamEnd): unknown {
  if (end.kind !== 'refused' || !Array.isArray(end.error)) return undefined;
  return (end.error[0] as GraphQLFormattedError | undefined)?.extensions?.code;
}
