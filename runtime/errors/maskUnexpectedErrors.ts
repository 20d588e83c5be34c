import { unwrapResolverError } from '@apollo/server/errors';
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logging/logger';
import { ErrorCode } from './errorCodes';

/**
 * Apollo Server's `formatError`: an error nobody gave a code to is a fault of ours, so the client
 * gets a generic message (no SQL, paths or stack) and the log gets the details. Errors relayed
 * from a subgraph (they carry `serviceName`) were already masked there.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    if (extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR || extensions.serviceName) return formatted;
    const original = unwrapResolverError(error);
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
