import path from 'node:path';
import { importFile, type ImportJobView } from '../../scripts/importFile';
import type { ImportKind } from '../../runtime/imports/importBatch';
import { eventually } from '../support/eventually';
import { setTierProgram, TestClock } from '../support/ledger';
import { startTestGraph, type TestGraph } from '../support/testGraph';

// dist/test/imports/ -> the project folder, where examples/imports/ is.
const examples = path.resolve(__dirname, '../../../examples/imports');

interface Fault {
  line: number;
  field: string | null;
  code: string;
}

const memberQuery = `query($key: String!) { customerByIdentifier(type: LEGACY_MEMBER_ID, value: $key) {
  id givenName email phone enrollmentChannel enrollmentStoreId enrolledAt birthday language attributes
  identities { type value } consents { channel granted source changedAt }
  loyalty { balance pending lifetimePoints tier { name } progress { qualifyingPoints tierSince reviewAt }
    expiring { points expiresAt } }
  metrics { purchases netSpend firstPurchaseAt channels } } }`;

interface Member {
  id: string;
  givenName: string;
  email: string | null;
  phone: string | null;
  enrollmentChannel: string;
  enrollmentStoreId: string | null;
  enrolledAt: string;
  birthday: string | null;
  language: string | null;
  attributes: Record<string, unknown>;
  identities: Array<{ type: string; value: string }>;
  consents: Array<{ channel: string; granted: boolean; source: string; changedAt: string }>;
  loyalty: {
    balance: number;
    pending: number;
    lifetimePoints: number;
    tier: { name: string } | null;
    progress: { qualifyingPoints: number; tierSince: string | null; reviewAt: string | null } | null;
    expiring: Array<{ points: number; expiresAt: string }>;
  } | null;
  metrics: { purchases: number; netSpend: number; firstPurchaseAt: string | null; channels: string[] } | null;
}

/**
 * The outcomes docs/guides/import.md states for the files of examples/imports/, imported in the
 * guide's order through the path the CLI takes (`importFile`: startImport, then PUT to the gateway).
 */
describe('the import guide, with the example files', () => {
  // The files' dates are the old engine's; the ledger's clock is put where the guide reads them.
  const clock = new TestClock(new Date('2026-12-01T10:00:00Z'));
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ clock: clock.now, historyIntervalMs: 0 });
    await setTierProgram(graph, 12, [
      { name: 'Member', qualifyingPoints: 0 },
      { name: 'Silver', qualifyingPoints: 50, multiplierPercent: 125 },
      { name: 'Gold', qualifyingPoints: 500, multiplierPercent: 150 },
    ]);
  }, 120_000);
  afterAll(async () => {
    await graph?.stop();
  });

  const run = (kind: ImportKind, file: string, dryRun = false): Promise<ImportJobView> =>
    importFile({
      gatewayUrl: graph.url,
      authorization: graph.admin.authorization!,
      kind,
      file: path.join(examples, file),
      format: file.endsWith('.csv') ? 'csv' : 'ndjson',
      dryRun,
    });
  const faults = async (id: string): Promise<Fault[]> => {
    const { importJob } = await graph.admin.data<
      { importJob: { errors: { edges: Array<{ node: Fault }> } } },
      { id: string }
    >('query($id: ID!) { importJob(id: $id) { errors(first: 20) { edges { node { line field code } } } } }', { id });
    return importJob.errors.edges.map((edge) => edge.node);
  };
  const member = async (key: string) =>
    (await graph.admin.data<{ customerByIdentifier: Member | null }, { key: string }>(memberQuery, { key }))
      .customerByIdentifier;
  const counts = (job: ImportJobView) => ({
    state: job.state,
    total: job.total,
    applied: job.applied,
    skipped: job.skipped,
    failed: job.failed,
  });

  it('imports members.csv: four members, line 6 refused on its email', async () => {
    const job = await run('MEMBERS', 'members.csv');
    expect(counts(job)).toEqual({ state: 'COMPLETED', total: 5, applied: 4, skipped: 0, failed: 1 });
    expect(await faults(job.id)).toEqual([{ line: 6, field: 'email', code: 'BAD_USER_INPUT' }]);
    expect(await member('OLD-1005')).toBeNull();

    const grace = (await member('OLD-1001'))!;
    expect(grace).toMatchObject({
      givenName: 'Grace',
      email: 'grace.hopper@example.org',
      phone: '+447700900101',
      enrollmentChannel: 'IN_STORE',
      enrollmentStoreId: 'london-1',
      enrolledAt: '2019-03-14T09:00:00.000Z',
      birthday: '1906-12-09',
      language: 'en-GB',
      attributes: { segment: 'founders' },
    });
    expect(grace.identities).toEqual(
      expect.arrayContaining([
        { type: 'LEGACY_MEMBER_ID', value: 'OLD-1001' },
        { type: 'POS_CUSTOMER_ID', value: 'POS-88001' },
        { type: 'MEMBER_CARD', value: expect.any(String) as string },
      ]),
    );
    expect(grace.consents.map(({ channel, granted, source }) => ({ channel, granted, source }))).toEqual(
      expect.arrayContaining([
        { channel: 'EMAIL', granted: true, source: 'paper form' },
        { channel: 'SMS', granted: false, source: 'import' },
      ]),
    );
    // Without consent.SMS.at, the answer is dated when the member enrolled.
    expect(grace.consents.find((consent) => consent.channel === 'SMS')?.changedAt).toBe('2019-03-14T09:00:00.000Z');
    expect(await member('OLD-1004')).toMatchObject({ enrollmentChannel: 'IN_STORE', enrollmentStoreId: 'amsterdam-1' });
  });

  it('runs members.csv again: nothing changes, the four are skipped', async () => {
    const before = await member('OLD-1002');
    const job = await run('MEMBERS', 'members.csv');
    expect(counts(job)).toEqual({ state: 'COMPLETED', total: 5, applied: 0, skipped: 4, failed: 1 });
    expect(await member('OLD-1002')).toEqual(before);
  });

  it('dry-runs balances.ndjson: it would apply three, and changes nothing', async () => {
    const job = await run('BALANCES', 'balances.ndjson', true);
    expect(counts(job)).toEqual({ state: 'COMPLETED', total: 3, applied: 3, skipped: 0, failed: 0 });
    expect((await member('OLD-1001'))!.loyalty).toMatchObject({ balance: 0, pending: 0, lifetimePoints: 0 });
  });

  it('imports balances.ndjson: lots with their dates, a pending one, lifetime points', async () => {
    const job = await run('BALANCES', 'balances.ndjson');
    expect(counts(job)).toEqual({ state: 'COMPLETED', total: 3, applied: 3, skipped: 0, failed: 0 });
    const grace = (await member('OLD-1001'))!;
    expect(grace.loyalty).toMatchObject({ balance: 1250, pending: 60, lifetimePoints: 5200 });
    expect(grace.loyalty!.expiring).toEqual([
      { points: 800, expiresAt: '2036-03-31T23:59:59.000Z' },
      { points: 450, expiresAt: '2037-06-30T23:59:59.000Z' },
    ]);
    expect((await member('OLD-1002'))!.loyalty).toMatchObject({ balance: 300, pending: 0, lifetimePoints: 300 });
    expect((await member('OLD-1003'))!.loyalty).toMatchObject({ balance: 0, pending: 0, lifetimePoints: 120 });
    // Once per member: the same file again is skipped.
    expect(counts(await run('BALANCES', 'balances.ndjson'))).toMatchObject({ applied: 0, skipped: 3, failed: 0 });
  });

  it('imports tiers.csv: the tier, since, next review and qualifying points the old engine had', async () => {
    const job = await run('TIERS', 'tiers.csv');
    expect(counts(job)).toEqual({ state: 'COMPLETED', total: 2, applied: 2, skipped: 0, failed: 0 });
    expect((await member('OLD-1001'))!.loyalty).toMatchObject({
      tier: { name: 'Gold' },
      progress: { tierSince: '2025-04-01T00:00:00.000Z', reviewAt: '2036-04-01T00:00:00.000Z' },
    });
    expect((await member('OLD-1002'))!.loyalty!.tier).toEqual({ name: 'Silver' });
  });

  it('imports orders.ndjson: history that earns no points, line 4 refused on its unknown memberKey', async () => {
    const job = await run('ORDERS', 'orders.ndjson');
    expect(counts(job)).toEqual({ state: 'COMPLETED', total: 4, applied: 3, skipped: 0, failed: 1 });
    expect(await faults(job.id)).toEqual([{ line: 4, field: 'memberKey', code: 'NOT_FOUND' }]);
    const grace = await eventually(
      () => member('OLD-1001'),
      (found) => (found?.metrics?.purchases ?? 0) > 0,
      "Grace's metrics to count her imported order",
    );
    // The balance is the imported one: orders earn nothing.
    expect(grace!.loyalty).toMatchObject({ balance: 1250, pending: 60, lifetimePoints: 5200 });
    expect(grace!.metrics).toMatchObject({
      purchases: 1,
      netSpend: 900,
      firstPurchaseAt: '2025-11-20T14:05:00.000Z',
      channels: ['IN_STORE'],
    });
    expect(counts(await run('ORDERS', 'orders.ndjson'))).toMatchObject({ applied: 0, skipped: 3, failed: 1 });
  });
});
