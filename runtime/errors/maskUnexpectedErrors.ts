import { unwrapResolverError } from '@apollo/server/errors';
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging/logger';
import { ErrorCode } from './errorCodes';

/** SQLSTATE classes and driver errors of a database that went away (restart, failover, network). */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const unavailableMessages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN|Client has encountered a connection error/i;

/** Whether an error says the database is unreachable right now, rather than that our SQL is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (unavailableStates.has(code) || /^(ECONNREFUSED|ECONNRESET|EPIPE|ENOTFOUND|EAI_AGAIN)$/.test(code))
  )
    return true;
  return typeof message === 'string' && unavailableMessages.test(message);
}

/**
 * Apollo Server's `formatError`: a database that went away is a `SERVICE_UNAVAILABLE` the client
 * may retry (retries are idempotent); any other error nobody gave a code to is a fault of ours, so the client
 * gets a generic message (no SQL, paths or stack) and the log gets the details. Errors relayed
 * from a subgraph (they carry `serviceName`) were already masked there.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    if (extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR || extensions.serviceName) return formatted;
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      logger.warn('database unavailable', { message: (original as Error).message, path: formatted.path });
      return {
        message: 'The database is unavailable; retry shortly',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    logger.error('unexpected error', {
      message: formatted.message,
      path: formatted.path,
      stack: original instanceof Error ? original.stack : undefined,
    });
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** The same masking for results sent over `graphql-ws` (its `onNext`), which bypass Apollo Server. */
export function maskUnexpectedResultErrors(logger: Logger) {
  const format = maskUnexpectedErrors(logger);
  return (result: ExecutionResult): FormattedExecutionResult | undefined => {
    if (!result.errors) return undefined;
    return {
      ...result,
      errors: result.errors.map((error) => {
        const formatted = error.toJSON();
        const code = formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR;
        return format({ ...formatted, extensions: { ...formatted.extensions, code } }, error);
      }),
    };
  };
}
