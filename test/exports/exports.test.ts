import { request as httpRequest, type IncomingMessage } from 'node:http';
import { bulkLoadMembers } from '../../bench/bulkLoad';
import { startGateway } from '../../gateway';
import { readSupergraphSdl } from '../../gateway/composition/generateSchemaFiles';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { parseCsv } from '../../runtime/exports/csv';
import { createLogger } from '../../runtime/logging/logger';
import { enrollMember, purchaseInput, returnOfOrder, setEarnRate, unique } from '../support/fixtures';
import { startTestGraph, type TestGraph } from '../support/testGraph';

type Row = Record<string, unknown>;

interface ExportAnswer {
  status: number;
  contentType: string;
  disposition: string | null;
  text: string;
}

const datasets = ['members', 'balances', 'lots', 'journal', 'orders'] as const;

/** Rows per keyset batch of every export in this file. */
const exportBatchSize = 400;

const columns: Record<(typeof datasets)[number], string[]> = {
  members: [
    'customerId',
    'givenName',
    'familyName',
    'email',
    'phone',
    'memberCard',
    'enrollmentChannel',
    'enrollmentStoreId',
    'enrolledAt',
    'birthday',
    'preferredChannel',
    'language',
    'emailConsent',
    'smsConsent',
    'pushConsent',
    'attributes',
  ],
  balances: [
    'customerId',
    'balance',
    'pending',
    'lifetimePoints',
    'tier',
    'tierSince',
    'tierReviewAt',
    'lastActivityAt',
    'openedAt',
    'mergedInto',
  ],
  lots: ['lotId', 'customerId', 'orderId', 'status', 'points', 'remaining', 'earnedAt', 'availableAt', 'expiresAt'],
  journal: [
    'entryId',
    'customerId',
    'kind',
    'points',
    'balanceAfter',
    'reason',
    'sourceType',
    'sourceId',
    'ruleId',
    'postedAt',
  ],
  orders: [
    'orderId',
    'customerId',
    'channel',
    'storeId',
    'externalOrderId',
    'currency',
    'totalAmount',
    'refundedAmount',
    'pointsEarned',
    'lines',
    'occurredAt',
    'recordedAt',
  ],
};

/** An NDJSON export's rows. */
const ndjsonRows = (text: string): Row[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);

/** A CSV export's header and rows, as text by column. */
function csvRows(text: string): { header: string[]; rows: Array<Record<string, string>> } {
  expect(text.endsWith('\r\n')).toBe(true);
  const [header = [], ...records] = parseCsv(text);
  return { header, rows: records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]!]))) };
}

/** A row of NDJSON as CSV writes it: empty for null, JSON for structures, text otherwise. */
const asCsv = (row: Row): Record<string, string> =>
  Object.fromEntries(
    Object.entries(row).map(([name, value]) => [
      name,
      value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );

describe('bulk export through the gateway', () => {
  let graph: TestGraph;
  let origin: string;
  let ada: { id: string };
  let ben: { id: string };
  let cy: { id: string };
  let splitAt: string;
  const segmentKey = `repeat-buyers-${unique('s').slice(2)}`;

  const exportAs = async (authorization: string | undefined, path: string): Promise<ExportAnswer> => {
    const response = await fetch(`${origin}/export/${path}`, {
      headers: authorization ? { authorization } : {},
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition'),
      text: await response.text(),
    };
  };
  const exportOf = (path: string) => exportAs(graph.admin.authorization, path);
  const rowsOf = async (path: string): Promise<Row[]> => {
    const answer = await exportOf(path);
    if (answer.status !== 200) throw new Error(`${path}: HTTP ${answer.status} ${answer.text}`);
    return ndjsonRows(answer.text);
  };
  const purchase = (input: ReturnType<typeof purchaseInput>) =>
    graph.admin.data(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { id } }`, { input });

  beforeAll(async () => {
    // Batches of 400 rows, so that a load of 1,200 members spans several of them.
    graph = await startTestGraph({ exportBatchSize: { profile: exportBatchSize, ledger: exportBatchSize } });
    origin = new URL(graph.url).origin;
    await setEarnRate(graph);
    ada = await enrollMember(graph, 'Ada', 'O"Hara, the first');
    ben = await enrollMember(graph, 'Ben', 'Line\nbreak');
    cy = await enrollMember(graph, 'Cy');
    const adaInStore = purchaseInput(ada.id);
    await purchase(adaInStore);
    await purchase(purchaseInput(ben.id, { channel: 'ONLINE', storeId: null }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    splitAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await purchase(
      purchaseInput(ada.id, {
        channel: 'ONLINE',
        storeId: null,
        lines: [{ sku: 'A,"B"', quantity: 1, unitPrice: 999 }],
      }),
    );
    await graph.admin.data(`mutation($input: RecordReturnInput!) { recordReturn(input: $input) { pointsReversed } }`, {
      input: returnOfOrder(adaInStore, [{ sku: 'SHIRT-M', quantity: 1 }]),
    });
    await graph.admin.data(`mutation($input: SegmentInput!) { defineSegment(input: $input) { key } }`, {
      input: {
        key: segmentKey,
        name: 'Repeat buyers',
        rule: { minPurchases: 2, channelsAny: [], channelsAll: [], tiers: [] },
      },
    });
    await graph.admin.data(`mutation { refreshPurchaseHistory { events } }`, {});
    await graph.admin.data(`mutation { refreshProgramMetrics { events } }`, {});
  }, 120_000);
  afterAll(() => graph?.stop());

  it.each(datasets)('exports %s as NDJSON and as CSV with the same rows, header first', async (dataset) => {
    const ndjson = await exportOf(dataset);
    expect(ndjson.status).toBe(200);
    expect(ndjson.contentType).toMatch(/^application\/x-ndjson/);
    expect(ndjson.disposition).toMatch(new RegExp(`^attachment; filename="${dataset}-\\d{8}T\\d{6}Z\\.ndjson"$`));
    const rows = ndjsonRows(ndjson.text);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(columns[dataset]);

    const csv = await exportOf(`${dataset}?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/\.csv"$/);
    const { header, rows: csvRecords } = csvRows(csv.text);
    expect(header).toEqual(columns[dataset]);
    expect(csvRecords).toEqual(rows.map(asCsv));
  });

  it('writes members with their identities and names quoted per RFC 4180, and balances in points, money in minor units', async () => {
    const members = await rowsOf('members');
    expect(members.map((row) => row.customerId).sort()).toEqual([ada.id, ben.id, cy.id].sort());
    const adaRow = members.find((row) => row.customerId === ada.id)!;
    expect(adaRow).toMatchObject({ givenName: 'Ada', familyName: 'O"Hara, the first', enrollmentChannel: 'ONLINE' });
    expect(String(adaRow.email)).toMatch(/^ada-.*@example\.com$/);
    expect(new Date(String(adaRow.enrolledAt)).toISOString()).toBe(adaRow.enrolledAt);
    const csv = (await exportOf('members?format=csv')).text;
    expect(csv).toContain('"O""Hara, the first"');
    expect(csv).toContain('"Line\nbreak"');

    const orders = await rowsOf('orders');
    expect(orders).toHaveLength(3);
    const inStore = orders.find((row) => row.customerId === ada.id && row.channel === 'IN_STORE')!;
    expect(inStore).toMatchObject({ currency: 'EUR', totalAmount: 2500, refundedAmount: 1250, storeId: 'berlin-1' });
    expect(inStore.lines).toEqual([{ sku: 'SHIRT-M', category: 'apparel', quantity: 2, unitPrice: 1250 }]);
  });

  it("sums balances to programMetrics' points outstanding, the journal to each balance, the active lots to it too", async () => {
    const today = new Date();
    const day = (offset: number) =>
      new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString();
    const { programMetrics } = await graph.admin.data<{ programMetrics: { pointsOutstanding: number } }, object>(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { programMetrics(from: $from, to: $to, currency: "EUR") { pointsOutstanding } }`,
      { from: day(-1), to: day(1) },
    );
    const balances = await rowsOf('balances');
    const total = balances.reduce((sum, row) => sum + Number(row.balance), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBe(programMetrics.pointsOutstanding);

    const journal = await rowsOf('journal');
    const lots = await rowsOf('lots');
    for (const account of balances) {
      const entries = journal.filter((row) => row.customerId === account.customerId);
      expect(entries.reduce((sum, row) => sum + Number(row.points), 0)).toBe(account.balance);
      const active = lots.filter((row) => row.customerId === account.customerId && row.status === 'ACTIVE');
      expect(active.reduce((sum, row) => sum + Number(row.remaining), 0)).toBe(account.balance);
    }
  });

  it('keeps the rows of a time range and of a segment only', async () => {
    const orders = await rowsOf('orders');
    const later = await rowsOf(`orders?from=${encodeURIComponent(splitAt)}`);
    const earlier = await rowsOf(`orders?to=${encodeURIComponent(splitAt)}`);
    expect(later.map((row) => row.orderId)).toEqual(
      orders.filter((row) => String(row.occurredAt) >= splitAt).map((row) => row.orderId),
    );
    expect(later).toHaveLength(1);
    expect(earlier).toHaveLength(2);

    const journal = await rowsOf('journal');
    const window = await rowsOf(`journal?from=${encodeURIComponent(splitAt)}&to=2999-01-01T00:00:00Z`);
    expect(window).toEqual(journal.filter((row) => String(row.postedAt) >= splitAt));
    expect(await rowsOf('members?from=2999-01-01')).toEqual([]);
    expect(await rowsOf('members?to=2999-01-01')).toHaveLength(3);

    // Ada bought twice; Ben once and Cy never.
    const members = await rowsOf(`members?segment=${segmentKey}`);
    expect(members.map((row) => row.customerId)).toEqual([ada.id]);
    const segmentOrders = await rowsOf(`orders?segment=${segmentKey}&format=ndjson`);
    expect(segmentOrders).toHaveLength(2);
    expect(new Set(segmentOrders.map((row) => row.customerId))).toEqual(new Set([ada.id]));
    const segmentBalances = await rowsOf(`balances?segment=${segmentKey}`);
    expect(segmentBalances.map((row) => row.customerId)).toEqual([ada.id]);
  });

  it('refuses callers and parameters with a coded JSON error and no row', async () => {
    const member = await graph.as({ role: 'member', subject: ada.id });
    const associate = await graph.as({ role: 'associate', subject: 'staff-1', storeId: 'berlin-1' });
    const marketer = await graph.as({ role: 'marketer', subject: 'marketer-1' });
    const refusals: Array<[string | undefined, string, number, string, string?]> = [
      [undefined, 'members', 401, 'UNAUTHENTICATED'],
      ['Bearer not-a-token', 'members', 401, 'UNAUTHENTICATED'],
      ['Basic abc', 'members', 401, 'UNAUTHENTICATED'],
      [member.authorization, 'balances', 403, 'FORBIDDEN'],
      [associate.authorization, 'orders', 403, 'FORBIDDEN'],
      [graph.admin.authorization, 'wallets', 404, 'NOT_FOUND', 'dataset'],
      [graph.admin.authorization, 'members?format=xml', 400, 'BAD_USER_INPUT', 'format'],
      [graph.admin.authorization, 'journal?from=yesterday', 400, 'BAD_USER_INPUT', 'from'],
      [graph.admin.authorization, 'journal?to=2026-13-45', 400, 'BAD_USER_INPUT', 'to'],
      [graph.admin.authorization, 'journal?from=2026-02-01&to=2026-01-01', 400, 'BAD_USER_INPUT', 'to'],
      [graph.admin.authorization, 'balances?from=2026-01-01', 400, 'BAD_USER_INPUT', 'from'],
      [graph.admin.authorization, 'lots?to=2026-01-01', 400, 'BAD_USER_INPUT', 'to'],
      [graph.admin.authorization, 'orders?limit=5', 400, 'BAD_USER_INPUT', 'limit'],
      [graph.admin.authorization, 'orders?format=csv&format=ndjson', 400, 'BAD_USER_INPUT', 'format'],
      [graph.admin.authorization, 'members?segment=no-such-segment', 404, 'NOT_FOUND', 'segment'],
    ];
    for (const [authorization, path, status, code, parameter] of refusals) {
      const answer = await exportAs(authorization, path);
      const what = `${path} as ${authorization?.slice(0, 12) ?? 'anonymous'}`;
      expect({ what, status: answer.status }).toEqual({ what, status });
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.disposition).toBeNull();
      const body = JSON.parse(answer.text) as { errors: Array<{ message: string; extensions: Row }> };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]!.extensions.code).toBe(code);
      if (parameter) expect(body.errors[0]!.extensions.parameter).toBe(parameter);
      if (parameter && parameter !== 'dataset') expect(body.errors[0]!.message).toContain(parameter);
    }
    expect((await exportAs(marketer.authorization, 'balances?format=csv')).status).toBe(200);
  });

  it('answers 503 before any row when the owner does not answer', async () => {
    const urls = Object.fromEntries(Object.values(graph.stack.subgraphs).map((s) => [s.name, s.url]));
    const gateway = await startGateway({
      supergraphSdl: readSupergraphSdl(),
      subgraphUrls: { ...urls, ledger: 'http://127.0.0.1:9/graphql', campaign: 'http://127.0.0.1:9/graphql' },
      auth: developmentAuthConfig(),
      logger: createLogger('silent'),
    });
    try {
      const at = new URL(gateway.url).origin;
      for (const path of ['journal?format=csv', `members?segment=${segmentKey}`]) {
        const response = await fetch(`${at}/export/${path}`, {
          headers: { authorization: graph.admin.authorization! },
        });
        expect(response.status).toBe(503);
        const body = (await response.json()) as { errors: Array<{ extensions: Row }> };
        expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
      }
    } finally {
      await gateway.stop();
    }
  });

  describe('at a few thousand rows', () => {
    beforeAll(async () => {
      // 1,200 members with 2 orders each, imported from generated files: thousands of rows of
      // every dataset, several keyset batches of 400.
      await bulkLoadMembers(
        { gatewayUrl: graph.url, authorization: graph.admin.authorization!, db: graph.database.db },
        { from: 0, to: 1200, ordersPerMember: 2, now: new Date() },
      );
    }, 120_000);

    it.each([
      ['journal', 'entryId', 'select count(*)::int as n from ledger.entries'],
      ['orders', 'orderId', 'select count(*)::int as n from ledger.orders'],
      ['members', 'customerId', 'select count(*)::int as n from profile.customers where merged_into is null'],
      ['lots', 'lotId', 'select count(*)::int as n from ledger.lots where remaining > 0'],
    ])('exports every %s row once, in key order', async (dataset, key, count) => {
      const { rows: expected } = await graph.database.db.query<{ n: number }>(count);
      expect(expected[0]!.n).toBeGreaterThan(2 * exportBatchSize);
      for (const format of ['ndjson', 'csv']) {
        const answer = await exportOf(`${dataset}?format=${format}`);
        expect(answer.status).toBe(200);
        const rows = format === 'csv' ? csvRows(answer.text).rows : ndjsonRows(answer.text);
        const keys = rows.map((row) => String(row[key]));
        expect(keys).toHaveLength(expected[0]!.n);
        expect(new Set(keys).size).toBe(keys.length);
        const numeric = keys.every((one) => /^\d+$/.test(one));
        const sorted = [...keys].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
        expect(keys).toEqual(sorted);
      }
    });

    it('keeps serving after a client disconnects mid-stream', async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await new Promise<void>((resolve, reject) => {
          const url = new URL(`${origin}/export/journal?format=csv`);
          const req = httpRequest(
            url,
            { headers: { authorization: graph.admin.authorization! } },
            (res: IncomingMessage) => {
              expect(res.statusCode).toBe(200);
              res.once('data', () => {
                // One chunk in, the client goes away.
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
          req.end();
        });
      }
      // A paused client holds the stream open while the owner waits; it then goes away as well.
      const paused = await new Promise<IncomingMessage>((resolve) => {
        const req = httpRequest(
          new URL(`${origin}/export/orders`),
          { headers: { authorization: graph.admin.authorization! } },
          (res) => {
            res.pause();
            resolve(res);
          },
        );
        req.end();
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      paused.destroy();
      // Everything still answers, and whole exports are still whole.
      const { rows } = await graph.database.db.query<{ n: number }>('select count(*)::int as n from ledger.entries');
      expect(await rowsOf('journal')).toHaveLength(rows[0]!.n);
      expect((await graph.admin.request(`{ segments { key } }`)).errors).toBeUndefined();
      if (graph.database.db.poolStats) {
        // Every snapshot transaction ended: no connection is left checked out.
        const deadline = Date.now() + 10_000;
        let stats = graph.database.db.poolStats();
        while (stats.total !== stats.idle && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          stats = graph.database.db.poolStats();
        }
        expect(stats.total).toBe(stats.idle);
      }
    });
  });
});
