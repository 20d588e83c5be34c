import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Role } from '../../runtime/auth/principal';
import { subgraphNames, subgraphSchemaBuilders, type SubgraphName } from '../../subgraphs/registry';
import { generatedNotice, table } from './markdown';

/** The callers of the table, in its column order; `internal` (service to service) has a section of its own. */
const callers = ['member', 'associate', 'marketer', 'admin', 'service'] as const satisfies readonly Role[];

/** Which roles a customer-scoped access helper lets act for a customer not their own. */
export type StaffRoles = readonly string[] | 'unknown';

export interface GuardedField {
  subgraph: SubgraphName;
  /** `Query.customer`, `Customer.loyalty`, ... */
  coordinate: string;
  /** The roles `@Authorized(...)` admits; `[]` admits any signed-in caller; `undefined`: no decorator. */
  roles: readonly string[] | undefined;
  /** Names of the `require*Access` helpers its resolver calls (ownership, store and channel checks). */
  accessChecks: readonly string[];
  /** Staff roles the customer-scoped helpers admit for any customer (probed by calling them). */
  staff: StaffRoles;
  /** A subscription whose `subscribe` function decides when the stream opens. */
  checkedOnSubscribe?: boolean;
}

/** An export of any module loaded so far (the schemas load every resolver and its helpers). */
function loadedExport(name: string): unknown {
  for (const loaded of Object.values(require.cache)) {
    const exports = loaded?.exports as Record<string, unknown> | undefined;
    if (exports && typeof exports === 'object' && name in exports) return exports[name];
  }
  return undefined;
}

/** The top-level arguments of the first call of `name` in compiled JavaScript. */
function callArguments(text: string, name: string): string[] | null {
  const start = text.indexOf(`${name})(`);
  if (start < 0) return null;
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text.slice(start + name.length + 2)) {
    if (depth === 0 && char === ')') return [...args, current.trim()];
    if (depth === 0 && char === ',') {
      args.push(current.trim());
      current = '';
      continue;
    }
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth--;
    current += char;
  }
  return null;
}

function rolesOfExpression(expression: string): StaffRoles {
  if (expression.startsWith('[')) return [...expression.matchAll(/'(\w+)'/g)].map((match) => match[1]!);
  const value = loadedExport(expression.split('.').pop()!);
  return Array.isArray(value) ? (value as string[]) : 'unknown';
}

// `internal` too, for the internal API's check (subgraphs/internalApi.test.ts); the tables show the others.
const staffCandidates = ['associate', 'marketer', 'admin', 'service', 'internal'] as const;

/** Calls a two-argument helper `(principal, customerId)` as each staff role, for someone else's customer id. */
function probeStaff(helper: unknown): StaffRoles {
  if (typeof helper !== 'function') return 'unknown';
  return staffCandidates.filter((role) => {
    try {
      helper({ role, subject: 'probe', storeId: 'probe-store', channel: 'ONLINE' }, 'another-customer');
      return true;
    } catch {
      return false;
    }
  });
}

function staffOf(text: string, checks: readonly string[]): StaffRoles {
  const scoped = checks.filter((check) => check !== 'requireChannelAccess');
  if (scoped.length === 0) return [];
  const lists = scoped.map((check) => {
    if (check === 'requireCustomerAccess') {
      const args = callArguments(text, check);
      return args && args[2] ? rolesOfExpression(args[2]) : 'unknown';
    }
    return probeStaff(loadedExport(check));
  });
  if (lists.includes('unknown')) return 'unknown';
  return [...new Set((lists as string[][]).flat())];
}

function methodText(target: { prototype: unknown }, methodName: string): string {
  const method = (target.prototype as Record<string, unknown>)[methodName];
  return typeof method === 'function' ? method.toString() : '';
}

function accessChecksOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\brequire\w*Access\b/g)].map((match) => match[0]))].sort();
}

function subgraphsWith(schemas: Record<SubgraphName, GraphQLSchema>, typeName: string, field: string): SubgraphName[] {
  return subgraphNames.filter((name) => {
    const type = schemas[name].getType(typeName);
    return isObjectType(type) && field in type.getFields();
  });
}

/**
 * Every operation and field whose access the code decides, read from type-graphql's metadata
 * after building the four subgraph schemas: the roles of its `@Authorized`, and the access helpers
 * its resolver calls.
 */
export async function guardedFields(): Promise<GuardedField[]> {
  const schemas = Object.fromEntries(
    await Promise.all(subgraphNames.map(async (name) => [name, await subgraphSchemaBuilders[name]()] as const)),
  ) as Record<SubgraphName, GraphQLSchema>;
  const storage = getMetadataStorage();
  const fields: GuardedField[] = [];
  const add = (typeName: string, field: string, roles: readonly string[] | undefined, text: string, extra = {}) => {
    const accessChecks = accessChecksOf(text);
    for (const subgraph of subgraphsWith(schemas, typeName, field)) {
      if (fields.some((f) => f.subgraph === subgraph && f.coordinate === `${typeName}.${field}`)) continue;
      const staff = staffOf(text, accessChecks);
      fields.push({ subgraph, coordinate: `${typeName}.${field}`, roles, accessChecks, staff, ...extra });
    }
  };
  const roots = [
    ['Query', storage.queries],
    ['Mutation', storage.mutations],
  ] as const;
  for (const [typeName, resolvers] of roots) {
    for (const resolver of resolvers) {
      add(typeName, resolver.schemaName, resolver.roles, methodText(resolver.target, resolver.methodName));
    }
  }
  for (const resolver of storage.subscriptions) {
    const text = methodText(resolver.target, resolver.methodName);
    add('Subscription', resolver.schemaName, resolver.roles, text, { checkedOnSubscribe: Boolean(resolver.subscribe) });
  }
  for (const resolver of storage.fieldResolvers) {
    const text = methodText(resolver.target, resolver.methodName);
    if (resolver.roles === undefined && accessChecksOf(text).length === 0) continue;
    const objectType = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((type) => type.target === objectType)?.name;
    if (typeName) add(typeName, resolver.schemaName, resolver.roles, text);
  }
  for (const field of storage.fields) {
    if (field.roles === undefined) continue;
    const typeName = storage.objectTypes.find((type) => type.target === field.target)?.name;
    if (typeName) add(typeName, field.schemaName, field.roles, '');
  }
  return fields.sort(
    (a, b) =>
      subgraphNames.indexOf(a.subgraph) - subgraphNames.indexOf(b.subgraph) || a.coordinate.localeCompare(b.coordinate),
  );
}

/** What a caller may do with the field, in words: `yes`, `own`, `own store, in store`, ... or empty. */
function cell(field: GuardedField, caller: (typeof callers)[number]): string {
  const admitted = field.roles === undefined || field.roles.length === 0 || field.roles.includes(caller);
  if (!admitted) return '';
  if (field.checkedOnSubscribe && field.roles === undefined) return 'on subscribe';
  const byChannel = field.accessChecks.includes('requireChannelAccess');
  const byCustomer = field.accessChecks.some((check) => check !== 'requireChannelAccess');
  if (caller === 'member') return byCustomer ? 'own' : byChannel ? '' : 'yes';
  if (byChannel && caller === 'associate') return 'own store, in store';
  if (byChannel && caller === 'service') return 'own channel';
  if (!byCustomer) return byChannel && caller !== 'admin' ? '' : 'yes';
  if (field.staff === 'unknown') return 'checked';
  return field.staff.includes(caller) ? 'any' : '';
}

export async function rolesPage(): Promise<string> {
  const fields = await guardedFields();
  const internalOnly = fields.filter((f) => f.roles?.length && f.roles.every((role) => role === 'internal'));
  const shown = fields.filter((f) => !internalOnly.includes(f));
  const sections = subgraphNames.map((subgraph) =>
    [
      `### ${subgraph}`,
      '',
      table(
        ['field', ...callers, 'no token', 'checks in the resolver'],
        shown
          .filter((f) => f.subgraph === subgraph)
          .map((f) => [
            `\`${f.coordinate}\``,
            ...callers.map((caller) => cell(f, caller)),
            f.roles === undefined && f.accessChecks.length === 0 && !f.checkedOnSubscribe ? 'yes' : '',
            f.accessChecks.map((check) => `\`${check}\``).join(', '),
          ]),
      ),
    ].join('\n'),
  );
  return [
    '# Roles',
    '',
    generatedNotice("type-graphql's `@Authorized` metadata and the resolvers' `require*Access` calls"),
    '',
    'Every request carries `Authorization: Bearer <JWT>` (over WebSocket: `{ "authorization": "Bearer',
    '<JWT>" }` in `connection_init`). The gateway verifies it and forwards it; every subgraph verifies it',
    'again and decides, so no subgraph trusts a caller for being behind the gateway. A token names a',
    "`role` (`member`, `associate`, `marketer`, `admin`, `service`), `sub` (a member's customer id),",
    '`store` (associates) and `channel` (integrations). See [tokens and secrets](../operating/deploy.md#tokens-and-secrets)',
    'for how tokens are signed and checked, and `npm run -s token -- <role> ...` for development tokens.',
    '',
    'The tables list each field whose access the code decides: the roles its `@Authorized(...)` admits',
    '(all signed-in callers when it names none), and the access helpers its resolver calls:',
    '',
    '- `own`: a member acts only for themself (a `require*Access` helper given the customer id);',
    '  `any`: the staff roles the helper admits act for any customer (found by calling the helper as each role);',
    '- `own store, in store` and `own channel` (`requireChannelAccess`): an associate records for their',
    '  own store in the `IN_STORE` channel only, an integration for its own channel only; an admin anywhere;',
    "- `on subscribe`: the subscription's `subscribe` function decides when the stream opens: a member's",
    "  own events, and staff who may read that member's points (`balanceUpdated`, `tierChanged`) or rewards",
    '  (`rewardIssued`, `voucherConsumed`);',
    '- `checked`: the helper decides in a way this page cannot tell; read the helper.',
    '',
    'Anything refused answers `UNAUTHENTICATED` without a token, `FORBIDDEN` with one, and no data.',
    "Fields not listed are public or guarded by the field above them (a `Customer`'s fields by",
    '`Query.customer`). `test/security/roleMatrix.test.ts` tries every role against every operation',
    'through the gateway.',
    '',
    sections.join('\n\n'),
    '',
    '## Between services',
    '',
    'Services call each other with their own short-lived tokens (role `internal`, signed with',
    '`AUTH_INTERNAL_SECRET`), which the gateway never accepts from a client. These fields admit only them:',
    '',
    internalOnly.map((f) => `- ${f.subgraph}: \`${f.coordinate}\``).join('\n'),
    '',
  ].join('\n');
}
