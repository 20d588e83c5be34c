import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TypeInfo, validate, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { InternalCredential } from '../runtime/auth/tokens';
import { projectRoot } from '../runtime/config/projectRoot';
import { UpstreamOutbox } from '../runtime/events/upstreamOutbox';
import { defineOperation, isOperation, type Operation } from '../runtime/http/operation';
import { guardedFields, type GuardedField } from '../scripts/docs/rolesPage';
import * as campaignApi from './campaign/contract/internalApi';
import * as engagementApi from './engagement/contract/internalApi';
import * as ledgerApi from './ledger/contract/internalApi';
import * as profileApi from './profile/contract/internalApi';
import { subgraphSchemaBuilders, type SubgraphName } from './registry';
import * as rewardsApi from './rewards/contract/internalApi';

/** Each subgraph others call, and its internal API (subgraphs/<owner>/contract/internalApi.ts). */
const internalApis: Partial<Record<SubgraphName, Record<string, unknown>>> = {
  profile: profileApi,
  ledger: ledgerApi,
  rewards: rewardsApi,
  campaign: campaignApi,
  engagement: engagementApi,
};

interface Declared {
  owner: SubgraphName;
  /** `ledger.memberQuoteFacts`, or `ledger.ledgerEventsField` for the outbox events query. */
  label: string;
  document: string;
}

/** The outbox events query exactly as `UpstreamOutbox` sends it for a field. */
function outboxDocument(field: string): string {
  const outbox = new UpstreamOutbox(() => 'http://unused', field, {} as InternalCredential, 'unused');
  return (outbox as unknown as { query: string }).query;
}

const declared: Declared[] = Object.entries(internalApis).flatMap(([owner, api]) =>
  Object.entries(api!).flatMap(([name, value]): Declared[] => {
    const label = `${owner}.${name}`;
    if (isOperation(value)) return [{ owner: owner as SubgraphName, label, document: value.document }];
    if (name.endsWith('EventsField') && typeof value === 'string') {
      return [{ owner: owner as SubgraphName, label, document: outboxDocument(value) }];
    }
    return [];
  }),
);

/** Every field a document selects, as `Type.field` of the schema. */
function selectedFields(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const fields = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) fields.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...fields];
}

/**
 * Whether a service's `internal` token may read a field: its `@Authorized` names `internal` or no
 * role, and any customer-scoped access helper its resolver calls admits `internal` for any customer.
 */
function admitsInternal(field: GuardedField): boolean {
  const byRole = field.roles === undefined || field.roles.length === 0 || field.roles.includes('internal');
  const scoped = field.accessChecks.filter((check) => check !== 'requireChannelAccess');
  return byRole && (scoped.length === 0 || (field.staff !== 'unknown' && field.staff.includes('internal')));
}

let schemas: Record<SubgraphName, GraphQLSchema>;
let guarded: GuardedField[];

beforeAll(async () => {
  schemas = Object.fromEntries(
    await Promise.all(
      Object.entries(subgraphSchemaBuilders).map(async ([name, build]) => [name, await build()] as const),
    ),
  ) as Record<SubgraphName, GraphQLSchema>;
  guarded = await guardedFields();
});

describe('each subgraph’s internal API, declared by its owner', () => {
  it('declares the operations and outbox fields other subgraphs call', () => {
    expect(declared.map((d) => d.label).sort()).toEqual(
      [
        'campaign.campaignEventsField',
        'campaign.claimActivityPoints',
        'campaign.claimPurchasePoints',
        'campaign.claimPurchasesPoints',
        'campaign.segmentMemberIds',
        'ledger.awardPoints',
        'engagement.engagementEventsField',
        'ledger.beginImportUpload',
        'ledger.debitPoints',
        'ledger.finishImportUpload',
        'ledger.ledgerEventsField',
        'ledger.memberPoints',
        'ledger.memberQuoteFacts',
        'ledger.recordImportProgress',
        'ledger.recordReferralActivity',
        'ledger.refundPoints',
        'profile.customerEnrolled',
        'profile.customerExists',
        'profile.customerName',
        'profile.erasedCustomerIds',
        'profile.importedMemberIds',
        'profile.customersWithBirthday',
        'profile.members',
        'profile.profileEventsField',
        'profile.referralMembers',
        'rewards.grantReward',
        'rewards.rewardById',
        'rewards.rewardCatalogPage',
        'rewards.rewardsEventsField',
      ].sort(),
    );
  });

  it('parses and validates every declared document against its owner’s schema', () => {
    const invalid = declared.flatMap(({ owner, label, document }) =>
      validate(schemas[owner], parse(document)).map((error) => `${label}: ${error.message}`),
    );
    expect(invalid).toEqual([]);
  });

  it('names each operation once: one declaration per operation name', () => {
    const names = Object.values(internalApis).flatMap((api) =>
      Object.values(api!)
        .filter(isOperation)
        .map((operation) => operation.name),
    );
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('selects only fields a service’s internal token may read (public, or admitting role internal)', () => {
    const refused = declared.flatMap(({ owner, label, document }) =>
      selectedFields(schemas[owner], parse(document))
        .map((coordinate) => guarded.find((field) => field.subgraph === owner && field.coordinate === coordinate))
        .filter((field): field is GuardedField => field !== undefined && !admitsInternal(field))
        .map((field) => `${label}: ${field.coordinate} admits ${JSON.stringify(field.roles)} (${field.accessChecks})`),
    );
    expect(refused).toEqual([]);
  });

  it('fails a document that names a field its owner lacks (the check above catches drift)', () => {
    const drifted: Operation<{ customerId: string }, unknown> = defineOperation(/* GraphQL */ `
      query Drifted($customerId: ID!) {
        memberQuoteFacts(customerId: $customerId) {
          customerId
          lifetimePointsEverEarned
        }
      }
    `);
    expect(validate(schemas.ledger, parse(drifted.document)).map((error) => error.message)).toEqual([
      expect.stringContaining('lifetimePointsEverEarned'),
    ]);
  });
});

/** Every source file of the subgraphs, relative to the project root. */
function sources(dir: string): string[] {
  return readdirSync(path.join(projectRoot(), dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sources(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('callers of another subgraph', () => {
  it('write no GraphQL document of their own: only an owner’s contract/internalApi.ts holds them', () => {
    const documentLiteral = /`\s*(query|mutation|subscription)\b\s*[A-Za-z_({$]/;
    const marker = /\/\*\s*GraphQL\s*\*\//;
    const files = sources('subgraphs').filter((file) => !file.endsWith(path.join('contract', 'internalApi.ts')));
    // The callers named by issue 24 are among the files scanned (a move would silently skip them).
    expect(files).toEqual(
      expect.arrayContaining(
        [
          'subgraphs/ledger/upstream/campaignQuotes.ts',
          'subgraphs/campaign/upstream/ledgerQuoteFacts.ts',
          'subgraphs/campaign/upstream/ledgerAwards.ts',
          'subgraphs/campaign/upstream/profileFacts.ts',
          'subgraphs/rewards/upstream/ledgerPoints.ts',
          'subgraphs/rewards/upstream/profileBirthdays.ts',
          'subgraphs/engagement/upstream/profileMembers.ts',
          'subgraphs/engagement/upstream/rewardCatalog.ts',
          'subgraphs/engagement/upstream/programEvents.ts',
          'subgraphs/campaign/badges/badgeAwards.ts',
          'subgraphs/campaign/quotes/quote.service.ts',
          'subgraphs/profile/contract/profileDirectory.ts',
          'subgraphs/profile/contract/customerMerges.ts',
        ].map((file) => path.normalize(file)),
      ),
    );
    const offenders = files.filter((file) => {
      const text = readFileSync(path.join(projectRoot(), file), 'utf8');
      return documentLiteral.test(text) || marker.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('read outbox events through the owner’s declared field name, not a string of their own', () => {
    const fieldLiteral = /'(profile|ledger|rewards|campaign|engagement)Events'/;
    const offenders = sources('subgraphs')
      .filter((file) => !file.endsWith(path.join('contract', 'internalApi.ts')))
      .filter((file) => fieldLiteral.test(readFileSync(path.join(projectRoot(), file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
