import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors/errorCodes';

/**
 * C0 control characters and DEL, except tab, line feed and carriage return (free text may hold
 * them). PostgreSQL refuses NUL in text and jsonb, and no field of this graph means the others.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a UTF-16 surrogate pair without its other half: no Unicode character at all. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnsafeInput {
  /** Where the value is: the variable or argument name, then keys and list indexes (`input.lines.0.sku`). */
  path: string;
  problem: string;
}

function stringProblem(text: string): string | undefined {
  if (controlCharacter.test(text)) return 'must not contain NUL or other control characters';
  if (loneSurrogate.test(text)) return 'must be valid Unicode (it holds half of a surrogate pair)';
  return undefined;
}

/**
 * The first string (value or object key) in a JSON value that holds a control character or a lone
 * surrogate, or the first place it nests deeper than `maxDepth`. Never descends past `maxDepth`,
 * so a value nested thousands of levels deep costs `maxDepth` steps, not a stack overflow.
 */
export function findUnsafeValue(value: unknown, path: string, maxDepth: number, depth = 0): UnsafeInput | undefined {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    return problem ? { path, problem } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= maxDepth) return { path, problem: `must not nest deeper than ${maxDepth} levels` };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnsafeValue(value[index], `${path}.${index}`, maxDepth, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = stringProblem(key);
    if (keyProblem) return { path, problem: `has a key that ${keyProblem}` };
    const found = findUnsafeValue(item, `${path}.${key}`, maxDepth, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The same check on a value written inline in the document (`input: { sku: "..." }`). */
function findUnsafeLiteral(node: ValueNode, path: string, maxDepth: number, depth = 0): UnsafeInput | undefined {
  if (node.kind === Kind.STRING || node.kind === Kind.ENUM) {
    const problem = stringProblem(node.value);
    return problem ? { path, problem } : undefined;
  }
  if (node.kind !== Kind.LIST && node.kind !== Kind.OBJECT) return undefined;
  if (depth >= maxDepth) return { path, problem: `must not nest deeper than ${maxDepth} levels` };
  if (node.kind === Kind.LIST) {
    for (let index = 0; index < node.values.length; index++) {
      const found = findUnsafeLiteral(node.values[index]!, `${path}.${index}`, maxDepth, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const field of node.fields) {
    const found = findUnsafeLiteral(field.value, `${path}.${field.name.value}`, maxDepth, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Checks every string and every nesting of an operation's input, its variables and the argument
 * values written in the document alike, before anything runs: a control character or a lone
 * surrogate, or JSON nested deeper than `maxDepth`, is refused (issue 23).
 */
export function findUnsafeInput(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  maxDepth: number,
): UnsafeInput | undefined {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const found = findUnsafeValue(value, name, maxDepth);
    if (found) return found;
  }
  let found: UnsafeInput | undefined;
  visit(document, {
    VariableDefinition(definition) {
      if (definition.defaultValue)
        found ??= findUnsafeLiteral(definition.defaultValue, definition.variable.name.value, maxDepth);
      return false;
    },
    Argument(argument) {
      found ??= findUnsafeLiteral(argument.value, argument.name.value, maxDepth);
      return false;
    },
  });
  return found;
}

/** BAD_USER_INPUT naming the place, shaped like the errors argument validation gives. */
export function unsafeInputError(found: UnsafeInput): GraphQLError {
  return new GraphQLError(`Invalid input: ${found.path} ${found.problem}`, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      argument: found.path,
      problems: [{ path: found.path, problems: [found.problem] }],
      // A request error: nothing ran (GraphQL over HTTP; 200 for application/json, see statusForRequestErrors).
      http: { status: 400 },
    },
  });
}
