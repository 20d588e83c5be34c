import { InternalCredential } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import type { Queryable } from '../../runtime/database/database';
import type { ImportBatchResult } from '../../runtime/imports/importBatch';
import { importedMemberIds } from '../../subgraphs/profile/contract/internalApi';
import { eventually } from '../support/eventually';
import { enrollMember, unique } from '../support/fixtures';
import { importRecords, postImportBatch } from '../support/imports';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/*
 * The MEMBERS import through the profile's import endpoint (as the gateway posts batches), checked
 * through the gateway as an admin sees members: what goes in, what is refused and why, re-runs,
 * dry runs, CSV-shaped values, and engagement's view of the imported consent.
 */

type Vars = Record<string, unknown>;

interface ImportedCustomer {
  id: string;
  givenName: string;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  birthday: string | null;
  language: string | null;
  preferredChannel: string | null;
  enrollmentChannel: string;
  enrollmentStoreId: string | null;
  enrolledAt: string;
  attributes: Record<string, unknown>;
  identities: Array<{ type: string; value: string }>;
  consents: Array<{ channel: string; granted: boolean; source: string; changedAt: string }>;
  memberCard: { number: string } | null;
}

const byKeyQuery = `query($value: String!) {
  customerByIdentifier(type: LEGACY_MEMBER_ID, value: $value) {
    id givenName familyName email phone birthday language preferredChannel enrollmentChannel enrollmentStoreId
    enrolledAt attributes identities { type value } consents { channel granted source changedAt } memberCard { number }
  }
}`;

let graph: TestGraph;
let db: Queryable;

beforeAll(async () => {
  graph = await startTestGraph();
  db = graph.database.db;
});
afterAll(() => graph?.stop());

async function byKey(key: string): Promise<ImportedCustomer | null> {
  const { customerByIdentifier } = await graph.admin.data<{ customerByIdentifier: ImportedCustomer | null }, Vars>(
    byKeyQuery,
    { value: key },
  );
  return customerByIdentifier;
}

async function profileRows(): Promise<{ customers: number; identities: number; consents: number; events: number }> {
  const { rows } = await db.query<{ customers: number; identities: number; consents: number; events: number }>(
    `select (select count(*)::int from profile.customers) as customers,
            (select count(*)::int from profile.identities) as identities,
            (select count(*)::int from profile.consents) as consents,
            (select count(*)::int from profile.events) as events`,
  );
  return rows[0]!;
}

/** A member as an old engine's export has them, with every field the format knows. */
function fullMember(key: string) {
  return {
    memberKey: key,
    givenName: 'Grace',
    familyName: 'Hopper',
    email: `${unique('Grace')}@Example.com`,
    phone: '+49 151 1234 ' + String(Math.floor(1000 + Math.random() * 8999)),
    birthday: '1986-12-09',
    language: 'en-GB',
    preferredChannel: 'SMS',
    enrolledAt: '2019-04-01T08:30:00Z',
    enrollmentChannel: 'IN_STORE',
    enrollmentStoreId: 'berlin-1',
    identities: [{ type: 'POS_CUSTOMER_ID', value: unique('pos') }],
    attributes: { size: 'M', vip: true },
    consent: {
      EMAIL: { granted: true, source: 'old-engine-signup', at: '2019-04-01T08:31:00Z' },
      SMS: { granted: false },
    },
  };
}

const failedLines = (result: ImportBatchResult) => new Set(result.errors.map((error) => error.line)).size;

describe('MEMBERS import', () => {
  it('makes each record a member with its key, identities, consent with source and time, attributes and a card', async () => {
    const key = unique('LEGACY-Mixed-Case');
    const record = fullMember(`  ${key} `);
    const result = await postImportBatch(graph, 'MEMBERS', {
      records: importRecords([record, { memberKey: unique('min'), givenName: 'Min' }]),
    });
    expect(result).toEqual({ applied: 2, skipped: 0, errors: [] });

    const member = (await byKey(key))!;
    expect(member).toMatchObject({
      givenName: 'Grace',
      familyName: 'Hopper',
      email: record.email.toLowerCase(),
      phone: record.phone.replace(/\s/g, ''),
      birthday: '1986-12-09',
      language: 'en-GB',
      preferredChannel: 'SMS',
      enrollmentChannel: 'IN_STORE',
      enrollmentStoreId: 'berlin-1',
      enrolledAt: '2019-04-01T08:30:00.000Z',
      attributes: { size: 'M', vip: true },
    });
    expect(member.identities.map((identity) => identity.type).sort()).toEqual([
      'EMAIL',
      'LEGACY_MEMBER_ID',
      'MEMBER_CARD',
      'PHONE',
      'POS_CUSTOMER_ID',
    ]);
    expect(member.identities).toContainEqual({ type: 'LEGACY_MEMBER_ID', value: key });
    expect(member.identities).toContainEqual(record.identities[0]);
    expect(member.memberCard?.number).toMatch(/^9\d{15}$/);
    expect(member.consents).toEqual([
      { channel: 'EMAIL', granted: true, source: 'old-engine-signup', changedAt: '2019-04-01T08:31:00.000Z' },
      { channel: 'SMS', granted: false, source: 'import', changedAt: '2019-04-01T08:30:00.000Z' },
    ]);
    // Findable by any identifier it brought, like a native member.
    const { customerByIdentifier } = await graph.admin.data<{ customerByIdentifier: { id: string } }, Vars>(
      `query($value: String!) { customerByIdentifier(type: POS_CUSTOMER_ID, value: $value) { id } }`,
      { value: record.identities[0]!.value },
    );
    expect(customerByIdentifier.id).toBe(member.id);
  });

  it('defaults the enrolment to the IMPORT channel now, and writes no per-member events', async () => {
    const before = await profileRows();
    const { rows: newest } = await db.query<{ id: string }>(
      `select coalesce(max(id), 0)::text as id from profile.events`,
    );
    const key = unique('default');
    const started = Date.now();
    await postImportBatch(graph, 'MEMBERS', { records: importRecords([{ memberKey: key, givenName: 'Dee' }]) });
    const member = (await byKey(key))!;
    expect(member.enrollmentChannel).toBe('IMPORT');
    expect(new Date(member.enrolledAt).getTime()).toBeGreaterThanOrEqual(started - 1000);
    // One batch event, never a CustomerEnrolled (that would welcome history).
    expect((await profileRows()).events - before.events).toBe(1);
    const { rows: last } = await db.query<{ type: string; payload: { jobId: string; imported: number } }>(
      `select type, payload from profile.events where id > $1::bigint`,
      [newest[0]!.id],
    );
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ type: 'MembersImported', payload: { jobId: 'test-job', imported: 1 } });
  });

  it('refuses bad lines whole, each fault with its line, field and code, and applies the others', async () => {
    const before = await profileRows();
    const good = unique('good');
    const result = await postImportBatch(graph, 'MEMBERS', {
      records: importRecords(
        [
          { memberKey: unique('bad'), givenName: 'Bad', email: 'not-an-email', birthday: '1990-02-30' },
          { givenName: 'No key' },
          { memberKey: good, givenName: 'Good' },
          {
            memberKey: unique('bad'),
            givenName: 'Bad',
            consent: { EMAIL: { granted: 'maybe' }, FAX: { granted: true } },
            identities: [{ type: 'EMAIL', value: 'x@example.com' }],
            preferredChannel: 'PIGEON',
            enrolledAt: '2019-04-01',
            emial: 'typo@example.com',
          },
        ],
        2,
      ),
    });
    expect(result.applied).toBe(1);
    expect(result.skipped).toBe(0);
    const faults = result.errors.map(({ line, field, code }) => ({ line, field, code }));
    expect(faults).toEqual(
      expect.arrayContaining([
        { line: 2, field: 'email', code: 'BAD_USER_INPUT' },
        { line: 2, field: 'birthday', code: 'BAD_USER_INPUT' },
        { line: 3, field: 'memberKey', code: 'BAD_USER_INPUT' },
        { line: 5, field: 'consent.EMAIL.granted', code: 'BAD_USER_INPUT' },
        { line: 5, field: 'consent.FAX', code: 'BAD_USER_INPUT' },
        { line: 5, field: 'identities[0].type', code: 'BAD_USER_INPUT' },
        { line: 5, field: 'preferredChannel', code: 'BAD_USER_INPUT' },
        { line: 5, field: 'enrolledAt', code: 'BAD_USER_INPUT' },
        { line: 5, field: 'emial', code: 'BAD_USER_INPUT' },
      ]),
    );
    expect(faults.every((fault) => fault.line !== 4)).toBe(true);
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
    const after = await profileRows();
    // Only the good member: its profile, key and card, no consent, one batch event.
    expect(after).toEqual({
      customers: before.customers + 1,
      identities: before.identities + 2,
      consents: before.consents,
      events: before.events + 1,
    });
    expect(await byKey(good)).not.toBeNull();
  });

  it('refuses an email twice in a batch, and one a native member owns, as CONFLICT on the field', async () => {
    const native = await enrollMember(graph, 'Nat', 'Ive');
    const shared = `${unique('shared')}@example.com`;
    const keys = [unique('first'), unique('second'), unique('native'), unique('key')];
    const result = await postImportBatch(graph, 'MEMBERS', {
      records: importRecords([
        { memberKey: keys[0], givenName: 'First', email: shared },
        { memberKey: keys[1], givenName: 'Second', email: shared.toUpperCase() },
        { memberKey: keys[2], givenName: 'Copy', email: native.email },
        { memberKey: keys[3], givenName: 'Key once' },
        { memberKey: keys[3], givenName: 'Key twice' },
      ]),
    });
    expect(result.applied).toBe(2);
    expect(result.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: 'email', code: 'CONFLICT' },
      { line: 3, field: 'email', code: 'CONFLICT' },
      { line: 5, field: 'memberKey', code: 'CONFLICT' },
    ]);
    expect((await byKey(keys[0]!))?.email).toBe(shared);
    expect(await byKey(keys[1]!)).toBeNull();
    expect(await byKey(keys[2]!)).toBeNull();
    expect((await byKey(keys[3]!))?.givenName).toBe('Key once');
  });

  it('refuses an email two batches at once bring as CONFLICT in one of them, never an error of the batch', async () => {
    const email = `${unique('race')}@example.com`;
    const keys = [unique('race'), unique('race')];
    const results = await Promise.all(
      keys.map((key) =>
        postImportBatch(graph, 'MEMBERS', {
          records: importRecords([
            { memberKey: key, givenName: 'Race', email },
            { memberKey: `${key}-other`, givenName: 'Other' },
          ]),
        }),
      ),
    );
    expect(results.map((result) => result.applied).sort()).toEqual([1, 2]);
    expect(results.flatMap((result) => result.errors).map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 1, field: 'email', code: 'CONFLICT' },
    ]);
  });

  it('skips every member of a re-applied batch, updating nothing and making no duplicate', async () => {
    const records = importRecords([fullMember(unique('again')), fullMember(unique('again'))]);
    expect(await postImportBatch(graph, 'MEMBERS', { records })).toEqual({ applied: 2, skipped: 0, errors: [] });
    const first = await byKey(String(records[0]!.fields.memberKey));
    const before = await profileRows();
    const changed = records.map((record) => ({ ...record, fields: { ...record.fields, givenName: 'Changed' } }));
    expect(await postImportBatch(graph, 'MEMBERS', { records: changed })).toEqual({
      applied: 0,
      skipped: 2,
      errors: [],
    });
    expect(await profileRows()).toEqual(before);
    expect(await byKey(String(records[0]!.fields.memberKey))).toEqual(first);
  });

  it('writes nothing in a dry run, and reports the same faults and what would go in', async () => {
    const native = await enrollMember(graph, 'Dry', 'Native');
    const key = unique('dry');
    const records = importRecords([
      { memberKey: key, givenName: 'Dry', consent: { EMAIL: { granted: true } } },
      { memberKey: unique('dry'), givenName: 'Taken', email: native.email },
      { memberKey: unique('dry'), givenName: '' },
    ]);
    const before = await profileRows();
    const dry = await postImportBatch(graph, 'MEMBERS', { records, dryRun: true });
    expect(await profileRows()).toEqual(before);
    expect(await byKey(key)).toBeNull();
    expect(dry.applied).toBe(1);
    expect(failedLines(dry)).toBe(2);
    const real = await postImportBatch(graph, 'MEMBERS', { records });
    expect(real).toEqual(dry);
    expect(await byKey(key)).not.toBeNull();
  });

  it('reads CSV-shaped records (strings, dotted consent, a JSON list cell) as it reads NDJSON', async () => {
    const ndjsonKey = unique('nd');
    const csvKey = unique('csv');
    const fields = (key: string) => ({
      memberKey: key,
      givenName: 'Cee',
      birthday: '2001-03-04',
      enrolledAt: '2020-01-02T03:04:05+01:00',
      attributes: { tier: 'gold' },
    });
    const ndjson = {
      ...fields(ndjsonKey),
      identities: [{ type: 'APP_MEMBER_ID', value: unique('app') }],
      consent: { EMAIL: { granted: true, at: '2020-01-03T00:00:00Z' }, PUSH: { granted: false } },
    };
    const csv = {
      ...fields(csvKey),
      attributes: JSON.stringify({ tier: 'gold' }),
      identities: JSON.stringify([{ type: 'APP_MEMBER_ID', value: unique('app') }]),
      // The gateway nests dotted headers: consent.EMAIL.granted → consent: { EMAIL: { granted } }.
      consent: { EMAIL: { granted: 'true', at: '2020-01-03T00:00:00Z' }, PUSH: { granted: 'FALSE' } },
    };
    expect(await postImportBatch(graph, 'MEMBERS', { records: importRecords([ndjson, csv]) })).toEqual({
      applied: 2,
      skipped: 0,
      errors: [],
    });
    const [fromNdjson, fromCsv] = await Promise.all([byKey(ndjsonKey), byKey(csvKey)]);
    const comparable = (member: ImportedCustomer | null) => ({
      ...member,
      id: undefined,
      identities: member!.identities.map((identity) => identity.type).sort(),
      memberCard: undefined,
    });
    expect(comparable(fromCsv)).toEqual(comparable(fromNdjson));
    expect(fromCsv!.consents).toEqual([
      { channel: 'EMAIL', granted: true, source: 'import', changedAt: '2020-01-03T00:00:00.000Z' },
      { channel: 'PUSH', granted: false, source: 'import', changedAt: '2020-01-02T02:04:05.000Z' },
    ]);
  });

  it("lets engagement learn the imported consent from the batch's event", async () => {
    const key = unique('eng');
    await postImportBatch(graph, 'MEMBERS', {
      records: importRecords([
        { memberKey: key, givenName: 'Eng', consent: { EMAIL: { granted: true }, SMS: { granted: false } } },
      ]),
    });
    const { id } = (await byKey(key))!;
    // The view runs with the notifications (on request in tests): run it as they would.
    const read = async () => {
      await graph.stack.subgraphs.engagement.memberView.run();
      const { rows } = await db.query<{ channel: string; granted: boolean }>(
        'select channel, granted from engagement.member_consents where customer_id = $1 order by channel',
        [id],
      );
      return rows;
    };
    const consents = await eventually(read, (rows) => rows.length === 2, "engagement's view of the imported consent");
    expect(consents).toEqual([
      { channel: 'EMAIL', granted: true },
      { channel: 'SMS', granted: false },
    ]);
  });

  it('answers importedMemberIds for internal callers only, with the survivor for a merged member', async () => {
    const [kept, merged, unknown] = [unique('kept'), unique('merged'), unique('unknown')];
    await postImportBatch(graph, 'MEMBERS', {
      records: importRecords([
        { memberKey: kept, givenName: 'Kept' },
        { memberKey: merged, givenName: 'Merged' },
      ]),
    });
    const [keptId, mergedId] = [(await byKey(kept))!.id, (await byKey(merged))!.id];
    await graph.admin.data(
      `mutation($s: ID!, $m: ID!) { mergeCustomers(survivorId: $s, mergedId: $m, reason: "one person") { mergedId } }`,
      { s: keptId, m: mergedId },
    );
    const credential = new InternalCredential('ledger', developmentAuthConfig().internalSecret);
    const ask = async (authorization: string) => {
      const response = await fetch(graph.stack.subgraphs.profile.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: importedMemberIds.document, variables: { keys: [kept, merged, unknown] } }),
      });
      return (await response.json()) as {
        data?: { importedMemberIds: Array<{ key: string; customerId: string }> };
        errors?: Array<{ extensions: { code: string } }>;
      };
    };
    const answer = await ask(await credential.authorization());
    expect(answer.data?.importedMemberIds).toEqual(
      [
        { key: kept, customerId: keptId },
        { key: merged, customerId: keptId },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    const refused = await ask(graph.admin.authorization!);
    expect(refused.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
