import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  isCompositeType,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** Aliased fields in one operation, counting each time a fragment is spread. */
  maxAliases: number;
  /**
   * Estimated fields resolved: every field costs 1, and what sits under a list costs as many times
   * as the list's `first` argument asks (20 without one, 100 when it is a variable).
   */
  maxCost: number;
  /** Lexical tokens in one document (checked while parsing, before anything else). */
  maxTokens: number;
  /** Deepest nesting of an input value (a JSON attribute, a list of objects), variables and literals alike. */
  maxInputDepth: number;
  /** How long a client may take to send a request's headers before its connection is closed. */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request (headers and body). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open for the client's next request. */
  keepAliveTimeoutMs: number;
}

export const defaultOperationLimits: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  maxTokens: 5_000,
  maxInputDepth: 32,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 30_000,
  // Longer than any client's idle keep-alive (Node's fetch keeps 4 s, agentkeepalive about as
  // long), so a client never sends on a connection the server has just closed.
  keepAliveTimeoutMs: 65_000,
};

const defaultListSize = 20;
/** A `first` given as a variable is costed at the largest page any connection serves. */
const variableListSize = 100;

function limitError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * Measures one document. Each fragment is measured once and reused wherever it is spread (a
 * fragment spread twice in each of 24 nested fragments would otherwise be walked 2^24 times), and
 * a fragment cycle, invalid anyway, counts as nothing.
 */
class OperationMeasure {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, number>();
  private readonly inProgress = new Set<string>();

  constructor(
    context: ValidationContext,
    private readonly schema: GraphQLSchema,
  ) {
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  private fragment(name: string, key: string, measure: (fragment: FragmentDefinitionNode) => number): number {
    const memoKey = `${key}:${name}`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.inProgress.has(memoKey)) return 0;
    this.inProgress.add(memoKey);
    const value = measure(fragment);
    this.inProgress.delete(memoKey);
    this.memo.set(memoKey, value);
    return value;
  }

  depth(set: SelectionSetNode): number {
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, selection.selectionSet ? 1 + this.depth(selection.selectionSet) : 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, this.depth(selection.selectionSet));
      } else {
        deepest = Math.max(
          deepest,
          this.fragment(selection.name.value, 'depth', (f) => this.depth(f.selectionSet)),
        );
      }
    }
    return deepest;
  }

  aliases(set: SelectionSetNode): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) count++;
        if (selection.selectionSet) count += this.aliases(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += this.aliases(selection.selectionSet);
      } else {
        count += this.fragment(selection.name.value, 'aliases', (f) => this.aliases(f.selectionSet));
      }
    }
    return count;
  }

  /**
   * Estimated fields resolved below a selection set of `parentType`. A list field multiplies what
   * it selects by its `first` argument, or by the `first` of the connection field it sits in
   * (`edges`), or by `defaultListSize`.
   */
  cost(set: SelectionSetNode, parentType: GraphQLCompositeType, inheritedSize: number | undefined): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += 1;
        // Unions have no fields of their own to select (only __typename, a leaf).
        if (!selection.selectionSet || !('getFields' in parentType)) continue;
        const field = parentType.getFields()[selection.name.value];
        if (!field) continue;
        const first = selection.arguments?.find((argument) => argument.name.value === 'first')?.value;
        const size =
          first?.kind === Kind.INT
            ? Math.max(1, Number(first.value))
            : first?.kind === Kind.VARIABLE
              ? variableListSize
              : undefined;
        const isList = getNullableType(field.type) instanceof GraphQLList;
        const childType = getNamedType(field.type);
        if (!isCompositeType(childType)) continue;
        const multiplier = isList ? (size ?? inheritedSize ?? defaultListSize) : 1;
        cost += multiplier * this.cost(selection.selectionSet, childType, isList ? undefined : size);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && this.schema.getType(selection.typeCondition.name.value);
        const type = condition && isCompositeType(condition) ? condition : parentType;
        cost += this.cost(selection.selectionSet, type, inheritedSize);
      } else {
        cost += this.fragment(selection.name.value, `cost:${parentType.name}:${inheritedSize ?? ''}`, (f) => {
          const type = this.schema.getType(f.typeCondition.name.value);
          return type && isCompositeType(type) ? this.cost(f.selectionSet, type, inheritedSize) : 0;
        });
      }
    }
    return cost;
  }
}

/**
 * Validation rules that refuse operations too deep, too aliased or too costly before they run, so
 * one heavy query cannot take a server down. The cost is a static estimate from the schema's list
 * types and the `first` arguments: cheap to compute (linear in the document), and pessimistic
 * where no `first` is given.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const rule: ValidationRule = (context): ASTVisitor => {
    const schema = context.getSchema();
    const measure = new OperationMeasure(context, schema);
    return {
      OperationDefinition(operation) {
        const depth = measure.depth(operation.selectionSet);
        if (depth > limits.maxDepth) {
          context.reportError(
            limitError(
              `The operation is ${depth} levels deep; at most ${limits.maxDepth} are allowed`,
              'QUERY_TOO_DEEP',
            ),
          );
          return;
        }
        if (measure.aliases(operation.selectionSet) > limits.maxAliases) {
          context.reportError(
            limitError(`The operation uses more than ${limits.maxAliases} aliases`, 'TOO_MANY_ALIASES'),
          );
          return;
        }
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const cost = measure.cost(operation.selectionSet, root, undefined);
        if (cost > limits.maxCost) {
          context.reportError(
            limitError(
              `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed`,
              'QUERY_TOO_COSTLY',
            ),
          );
        }
      },
    };
  };
  return [rule];
}
