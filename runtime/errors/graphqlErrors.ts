import { GraphQLError } from 'graphql';
import { ArgumentValidationError, type MiddlewareFn } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { DomainError } from './domainError';
import { ErrorCode } from './errorCodes';

export function userInputError(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code: ErrorCode.BAD_USER_INPUT } });
}

interface InputProblem {
  path: string;
  problems: string[];
}

function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): InputProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/**
 * The one place where a service's domain errors become GraphQL errors: `codes` maps every kind of
 * the service's errors to a client-facing code, and argument validation failures get a message
 * that names each offending field.
 */
export function mapDomainErrors<Kind extends string>(codes: Record<Kind, ErrorCode>): MiddlewareFn {
  return async (_action, next) => {
    try {
      return await next();
    } catch (error) {
      if (error instanceof DomainError && Object.prototype.hasOwnProperty.call(codes, error.kind)) {
        throw new GraphQLError(error.message, {
          extensions: { ...error.details, reason: error.kind, code: codes[error.kind as Kind] },
          originalError: error,
        });
      }
      if (error instanceof ArgumentValidationError) {
        const problems = flattenValidationErrors(error.extensions.validationErrors as ValidationError[]);
        const summary = problems.map((p) => p.problems.join(', ')).join('; ');
        throw userInputError(`Invalid input: ${summary}`, { problems });
      }
      throw error;
    }
  };
}
