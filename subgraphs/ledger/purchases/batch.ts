import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';
import { DomainError } from '../../../runtime/errors/domainError';
import { ErrorCode } from '../../../runtime/errors/errorCodes';
import { userInputError } from '../../../runtime/errors/graphqlErrors';
import { ledgerErrorCodes, type LedgerErrorKind } from '../errors';

/*
 * What `recordPurchases` and `recordReturns` share: one result per item, in input order, where an
 * item's failure is coded like the single mutation's error and never stops or undoes the others.
 */

@ObjectType({ description: 'Why one item of a batch was not recorded; the other items are not affected.' })
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
    description: 'The field of the item at fault (`lines.0.quantity`), when the error is about one.',
  })
  field!: string | null;
}

/** One item's outcome: its result, or why it failed. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: BatchItemError };

const failed = (code: string, message: string, field: string | null = null): Outcome<never> => ({
  ok: false,
  error: { code, message, field },
});

/** An item's error as its single mutation would code it (the ledger's kinds, GraphQL errors, anything else). */
export function itemFailure(error: unknown): Outcome<never> {
  if (error instanceof DomainError && Object.prototype.hasOwnProperty.call(ledgerErrorCodes, error.kind)) {
    const field = error.details.argument ?? error.details.field;
    return failed(
      ledgerErrorCodes[error.kind as LedgerErrorKind],
      error.message,
      typeof field === 'string' ? field : null,
    );
  }
  if (error instanceof GraphQLError) {
    const { code, argument } = error.extensions;
    return failed(
      typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR,
      error.message,
      typeof argument === 'string' ? argument : null,
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
export async function invalidItem(input: object): Promise<Outcome<never> | null> {
  const problem = firstProblem(await validate(input, { forbidUnknownValues: false }));
  return problem && failed(ErrorCode.BAD_USER_INPUT, `Invalid input: ${problem.problem}`, problem.path);
}

/** Refuses a batch longer than the ledger takes (`LEDGER_BATCH_MAX_ITEMS`): nothing of it is done. */
export function requireBatchSize(count: number, max: number, argument = 'inputs'): void {
  if (count > max) {
    throw userInputError(`A batch takes at most ${max} items; this one has ${count}. Split it.`, {
      argument,
      maxItems: max,
    });
  }
}

/**
 * Runs `work` for every item: the items of one group one after another in input order (one
 * member's purchases, or retries of one key), the groups side by side, at most `concurrency` at a
 * time. Each item's failure is its own outcome.
 */
export async function runGrouped<Item, Result>(
  items: readonly Item[],
  groupOf: (item: Item, index: number) => string,
  work: (item: Item, index: number) => Promise<Result>,
  concurrency: number,
): Promise<Outcome<Result>[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, index) => {
    const key = groupOf(item, index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const outcomes = new Array<Outcome<Result>>(items.length);
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const index of group) {
        try {
          outcomes[index] = { ok: true, value: await work(items[index]!, index) };
        } catch (error) {
          outcomes[index] = itemFailure(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return outcomes;
}
