import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  print,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  visit,
} from 'graphql';
import type { UpstreamRequest } from './upstreamSubscriptions';

/** The variable the gateway binds a resumable field's `after` argument to. */
const cursorVariable = 'gatewayResumeAfter';

/** How to open a resumable subscription from a cursor, and read the cursor of each event. */
export interface Resumable {
  /** The subscription, from `after` (null: from now). */
  request(after: string | null): UpstreamRequest;
  /** The initial cursor: the client's own `after`, if it gave one. */
  initialAfter: string | null;
  /** The id of the event a result carries. */
  eventIdOf(data: Record<string, unknown> | null | undefined): string | undefined;
}

/**
 * A subscription field is resumable when it takes `after: ID` and its events carry an `eventId`
 * (the subgraph's outbox id): then the gateway can reopen it after a lost connection from the last
 * event it received, with no gap and no duplicate. The upstream operation is rewritten so `after`
 * is a variable and `eventId` is always selected; the client's answer still has only its fields.
 */
export function resumableOperation(
  supergraph: GraphQLSchema,
  primaryOperation: string,
  variables: Record<string, unknown>,
): Resumable | undefined {
  const document = parse(primaryOperation);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const root = operation?.selectionSet.selections[0];
  if (!operation || operation.selectionSet.selections.length !== 1 || root?.kind !== Kind.FIELD) return undefined;
  const field = supergraph.getSubscriptionType()?.getFields()[root.name.value];
  const payload = field && getNamedType(field.type);
  if (!field?.args.some((arg) => arg.name === 'after') || !isObjectType(payload) || !payload.getFields().eventId) {
    return undefined;
  }
  const given = root.arguments?.find((argument) => argument.name.value === 'after')?.value;
  const initialAfter = given ? valueOf(given, variables) : null;
  const cursor: ValueNode = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: cursorVariable } };
  const rewrittenRoot: FieldNode = {
    ...root,
    arguments: [
      ...(root.arguments ?? []).filter((argument) => argument.name.value !== 'after'),
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: cursor },
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        ...(root.selectionSet?.selections ?? []),
        {
          kind: Kind.FIELD,
          alias: { kind: Kind.NAME, value: 'gatewayEventId' },
          name: { kind: Kind.NAME, value: 'eventId' },
        },
      ],
    },
  };
  const selections = [rewrittenRoot];
  // A variable the client bound `after` to is no longer used (GraphQL refuses unused variables).
  const used = new Set<string>();
  visit({ kind: Kind.SELECTION_SET, selections }, { Variable: (node) => void used.add(node.name.value) });
  const query = print({
    ...document,
    definitions: [
      {
        ...operation,
        variableDefinitions: [
          ...(operation.variableDefinitions ?? []).filter(
            (definition) =>
              used.has(definition.variable.name.value) && definition.variable.name.value !== cursorVariable,
          ),
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: cursor,
            type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
          },
        ],
        selectionSet: { ...operation.selectionSet, selections },
      },
    ],
  });
  const responseKey = root.alias?.value ?? root.name.value;
  return {
    initialAfter,
    request: (after) => ({ query, variables: { ...variables, [cursorVariable]: after } }),
    eventIdOf(data) {
      const event = data?.[responseKey] as Record<string, unknown> | null | undefined;
      const id = event?.gatewayEventId;
      return id === undefined || id === null ? undefined : String(id);
    },
  };
}

function valueOf(value: ValueNode, variables: Record<string, unknown>): string | null {
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return given === undefined || given === null ? null : String(given);
  }
  if (value.kind === Kind.STRING || value.kind === Kind.INT) return value.value;
  return null;
}
