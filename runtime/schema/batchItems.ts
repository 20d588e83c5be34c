import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DomainError } from '../errors/domainError';
import { ErrorCode } from '../errors/errorCodes';
import { userInputError } from '../errors/graphqlErrors';

/*
 * What every batch mutation shares (`recordPurchases`, `recordReturns`, `trackEvents`): one result
 * per item, in input order, where an item's failure is coded like the single mutation's error and
 * never stops or undoes the others.
 */

@ObjectType({ description: 'Why one item of a batch was not recorded; the other items are not affected.' })
@Directive('@shareable')
export class BatchItemError {
  @Field({
    description:
      'The code the single mutation answers with for this item: BAD_USER_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN, SERVICE_UNAVAILABLE, ...',
  })
  code!: string;

  @Field()
  message!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The field of the item at fault (`lines.0.quantity`, `properties.rating`), when the error is about one.',
  })
  field!: string | null;
}

/** One item's outcome: its result, or why it failed. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: BatchItemError };

const failed = (code: string, message: string, field: string | null = null): { ok: false; error: BatchItemError } => ({
  ok: false,
  error: { code, message, field },
});

/**
 * An item's error as its single mutation would code it: a domain error of `codes` (the subgraph's
 * one map from kind to code), a GraphQL error, anything else.
 */
export function batchItemFailure(
  codes: Readonly<Record<string, ErrorCode>>,
  error: unknown,
): { ok: false; error: BatchItemError } {
  if (error instanceof DomainError && Object.prototype.hasOwnProperty.call(codes, error.kind)) {
    const field = error.details.argument ?? error.details.field;
    return failed(codes[error.kind]!, error.message, typeof field === 'string' ? field : null);
  }
  if (error instanceof GraphQLError) {
    const { code, argument, field } = error.extensions;
    const named = argument ?? field;
    return failed(
      typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR,
      error.message,
      typeof named === 'string' ? named : null,
    );
  }
  // A fault of ours: the item is not recorded (its transaction rolled back); the others go on.
  return failed(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error; the item was not recorded, retry it');
}

function firstProblem(errors: readonly ValidationError[], prefix = ''): { path: string; problem: string } | null {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const problem = error.constraints && Object.values(error.constraints)[0];
    if (problem) return { path, problem };
    const nested = firstProblem(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/**
 * Checks one item against its input type's rules, as the single mutation's argument is checked (the
 * batch argument is not validated whole, so that one bad item fails alone). BAD_USER_INPUT naming the
 * first field at fault, or null.
 */
export async function invalidItem(input: object): Promise<{ ok: false; error: BatchItemError } | null> {
  const problem = firstProblem(await validate(input, { forbidUnknownValues: false }));
  return problem && failed(ErrorCode.BAD_USER_INPUT, `Invalid input: ${problem.problem}`, problem.path);
}

/** Refuses a batch longer than `max` (a setting, named in the docs): nothing of it is done. */
export function requireBatchSize(count: number, max: number, argument = 'inputs'): void {
  if (count > max) {
    throw userInputError(`A batch takes at most ${max} items; this one has ${count}. Split it.`, {
      argument,
      maxItems: max,
    });
  }
}
