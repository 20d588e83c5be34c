import { formatPoints } from './format.js';

/** One GraphQL error as the gateway sends it. */
export interface GraphErrorLike {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

/** What a page adds to the shared words: its own sentences for some codes, and its fields' names. */
export interface ErrorWordsContext {
  /**
   * Sentences for a code (`CONFLICT`) or a code and reason (`CONFLICT:OrderConflict`) in this
   * page's terms, before the shared ones.
   */
  codes?: Record<string, string>;
  /**
   * What the form calls an input, by its path in the operation with list positions as `#`
   * (`lines.#.unitPrice`: "unit price"). A list position is said as "line 2".
   */
  fields?: Record<string, string>;
}

/** Every code the graph sends (ARCHITECTURE §6, README "Errors"), with what to do about it. */
const words: Record<string, string> = {
  UNAUTHENTICATED: 'Your sign-in has expired or was refused. Reload the page to sign in again.',
  FORBIDDEN: 'You are not allowed to do that here. Check that you are signed in for the right store or account.',
  NOT_FOUND: 'That could not be found. Check what you typed and try again.',
  CONFLICT: 'That clashes with something already recorded. Check the details and try again.',
  'CONFLICT:OrderConflict': 'This receipt number was already used for a different basket. Check the receipt number.',
  'CONFLICT:IdentifierTaken': 'Another member already has that email or phone number.',
  'CONFLICT:OutOfStock': 'That reward is out of stock. Choose another one.',
  'CONFLICT:VoucherConsumed': 'This voucher has already been used.',
  'CONFLICT:VoucherExpired': 'This voucher has expired.',
  'CONFLICT:VoucherCancelled': 'This voucher was cancelled.',
  'FORBIDDEN:NotEligible': 'This reward is not available to this member here or now.',
  'NOT_FOUND:UnknownVoucher': 'There is no voucher with this code. Check the code.',
  'NOT_FOUND:UnknownCustomer': 'No member was found. Check the details and try again.',
  INSUFFICIENT_POINTS: 'There are not enough points for this.',
  BAD_USER_INPUT: 'Something entered is not valid. Check the form and try again.',
  SERVICE_UNAVAILABLE: 'Part of the loyalty service is not answering. Nothing was changed; try again in a moment.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again; if it keeps happening, ask for help.',
};

const unreachable = 'The loyalty service cannot be reached. Check the connection and try again.';
const unknown = 'Something went wrong. Try again; if it keeps happening, ask for help.';

function fieldWords(path: string, fields: Record<string, string>): string {
  const positions = [...path.matchAll(/\.(\d+)(?=\.|$)/g)].map((match) => Number(match[1]) + 1);
  const key = path.replace(/\.\d+(?=\.|$)/g, '.#');
  const name = fields[key] ?? path.split('.').at(-1)!;
  return positions.length > 0 ? `the ${name} on line ${positions.join('.')}` : `the ${name}`;
}

function inputWords(error: GraphErrorLike, fields: Record<string, string>): string | null {
  const { problems, argument, field } = error.extensions ?? {};
  const paths = Array.isArray(problems)
    ? problems.map((problem) => String((problem as { path?: unknown }).path ?? '')).filter(Boolean)
    : [argument, field].filter((value): value is string => typeof value === 'string');
  if (paths.length === 0) return null;
  const named = [...new Set(paths.map((path) => fieldWords(path, fields)))];
  const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]!;
  return `Check ${list}.`;
}

/** One GraphQL error in plain words, with what to do: never its code or the server's wording. */
export function describeGraphError(error: GraphErrorLike, context: ErrorWordsContext = {}): string {
  const code = error.extensions?.code ?? '';
  const reason = error.extensions?.reason;
  const own = { ...words, ...context.codes };
  const specific = typeof reason === 'string' ? own[`${code}:${reason}`] : undefined;
  if (code === 'BAD_USER_INPUT') {
    const check = inputWords(error, context.fields ?? {});
    if (check) return `${specific ?? context.codes?.[code] ?? 'Something entered is not valid.'} ${check}`;
  }
  if (code === 'INSUFFICIENT_POINTS' && typeof error.extensions?.balance === 'number') {
    return `${own[code]} The balance is ${formatPoints(error.extensions.balance)}.`;
  }
  if (code === 'RATE_LIMITED' && typeof error.extensions?.retryAfterSeconds === 'number') {
    return `Too many requests in a short time. Wait ${error.extensions.retryAfterSeconds} seconds and try again.`;
  }
  return specific ?? own[code] ?? unknown;
}

/**
 * Anything a page's request can throw, in plain words: a GraphQL error answer (an object with
 * `errors`), a network failure, or a plain `Error` the page threw with a sentence of its own.
 */
export function describeError(error: unknown, context: ErrorWordsContext = {}): string {
  const errors = Array.isArray(error) ? error : (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return [...new Set(errors.map((one) => describeGraphError(one as GraphErrorLike, context)))].join(' ');
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return unreachable;
  if (error instanceof Error && error.message) return error.message;
  return unknown;
}
