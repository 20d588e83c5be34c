import {
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  isCompositeType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface OperationLimits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** Aliased fields in one document. */
  maxAliases: number;
  /**
   * Estimated fields resolved: every field costs 1, and what sits under a list costs as many times
   * as the list's `first` argument asks (or 20).
   */
  maxCost: number;
  /** Lexical tokens in one document (checked while parsing, before anything else). */
  maxTokens: number;
}

export const defaultOperationLimits: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20_000,
  maxTokens: 5_000,
};

const defaultListSize = 20;

function limitError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

function depthOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value])));
      }
    }
  }
  return deepest;
}

/**
 * Estimated fields resolved below a selection set of `parentType`. A list field multiplies what it
 * selects by its `first` argument, or by the `first` of the connection field it sits in (`edges`),
 * or by `defaultListSize`.
 */
function costOf(
  set: SelectionSetNode,
  parentType: GraphQLCompositeType,
  context: { schema: GraphQLSchema; fragments: Map<string, FragmentDefinitionNode> },
  inheritedSize: number | undefined,
  seen: Set<string>,
): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += 1;
      // Unions have no fields of their own to select (only __typename, a leaf).
      if (!selection.selectionSet || !('getFields' in parentType)) continue;
      const field = parentType.getFields()[selection.name.value];
      if (!field) continue;
      const first = selection.arguments?.find((argument) => argument.name.value === 'first')?.value;
      const size = first?.kind === Kind.INT ? Math.max(1, Number(first.value)) : undefined;
      const isList = getNullableType(field.type) instanceof GraphQLList;
      const childType = getNamedType(field.type);
      if (!isCompositeType(childType)) continue;
      const multiplier = isList ? (size ?? inheritedSize ?? defaultListSize) : 1;
      cost += multiplier * costOf(selection.selectionSet, childType, context, isList ? undefined : size, seen);
    } else {
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? context.fragments.get(selection.name.value) : undefined;
      if (selection.kind === Kind.FRAGMENT_SPREAD && (!fragment || seen.has(fragment.name.value))) continue;
      const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : fragment!.typeCondition;
      const type = condition ? context.schema.getType(condition.name.value) : parentType;
      if (!type || !isCompositeType(type)) continue;
      const selections = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragment!.selectionSet;
      const nextSeen = fragment ? new Set([...seen, fragment.name.value]) : seen;
      cost += costOf(selections, type, context, inheritedSize, nextSeen);
    }
  }
  return cost;
}

/**
 * Validation rules that refuse operations too deep, too aliased or too costly before they run, so
 * one heavy query cannot take a server down. The cost is a static estimate from the schema's list
 * types and the `first` arguments: cheap to compute, and pessimistic where no `first` is given.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const depthRule: ValidationRule = (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, fragmentsOf(context), new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          limitError(`The operation is ${depth} levels deep; at most ${limits.maxDepth} are allowed`, 'QUERY_TOO_DEEP'),
        );
      }
    },
  });
  const aliasRule: ValidationRule = (context): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(field) {
        if (field.alias && ++aliases > limits.maxAliases && !reported) {
          reported = true;
          context.reportError(
            limitError(`The operation uses more than ${limits.maxAliases} aliases`, 'TOO_MANY_ALIASES'),
          );
        }
      },
    };
  };
  const costRule: ValidationRule = (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = schema.getRootType(operation.operation);
      if (!root) return;
      const cost = costOf(
        operation.selectionSet,
        root,
        { schema, fragments: fragmentsOf(context) },
        undefined,
        new Set(),
      );
      if (cost > limits.maxCost) {
        context.reportError(
          limitError(
            `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed`,
            'QUERY_TOO_COSTLY',
          ),
        );
      }
    },
  });
  return [depthRule, aliasRule, costRule];
}
