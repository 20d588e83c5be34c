import { keysetBatches } from './keysetBatches';
import { badParameter, parseExportQuery, type ExportRequestError } from './exportRequest';

const table = Array.from({ length: 2_345 }, (_, i) => ({ id: i * 2 + 1 }));
const readAfter = (calls: Array<number | null>) => async (after: number | null, limit: number) => {
  calls.push(after);
  return table.filter((row) => after === null || row.id > after).slice(0, limit);
};

async function collect<T>(batches: AsyncIterable<readonly T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const batch of batches) all.push([...batch]);
  return all;
}

describe('keyset batches', () => {
  it('reads every row once, a batch at a time, each after the last key of the one before', async () => {
    const calls: Array<number | null> = [];
    const batches = await collect(keysetBatches({ read: readAfter(calls), keyOf: (row) => row.id, batchSize: 1000 }));
    expect(batches.map((batch) => batch.length)).toEqual([1000, 1000, 345]);
    expect(batches.flat()).toEqual(table);
    expect(calls).toEqual([null, 1999, 3999]);
  });

  it('stops after a full last batch with one empty read, and at once for an empty table', async () => {
    const calls: Array<number | null> = [];
    const exact = table.slice(0, 2000);
    const read = async (after: number | null, limit: number) => {
      calls.push(after);
      return exact.filter((row) => after === null || row.id > after).slice(0, limit);
    };
    expect((await collect(keysetBatches({ read, keyOf: (row) => row.id, batchSize: 1000 }))).flat()).toEqual(exact);
    expect(calls).toHaveLength(3);
    expect(await collect(keysetBatches({ read: async () => [], keyOf: () => 0, batchSize: 10 }))).toEqual([]);
  });

  it('reads no further batch once its signal aborts', async () => {
    const calls: Array<number | null> = [];
    const abort = new AbortController();
    const seen: number[] = [];
    for await (const batch of keysetBatches({
      read: readAfter(calls),
      keyOf: (row) => row.id,
      batchSize: 100,
      signal: abort.signal,
    })) {
      seen.push(batch.length);
      abort.abort();
    }
    expect(seen).toEqual([100]);
    expect(calls).toHaveLength(1);
  });

  it('refuses a batch size that is not a positive integer, and a read that returns too many rows', async () => {
    await expect(collect(keysetBatches({ read: async () => [], keyOf: () => 0, batchSize: 0 }))).rejects.toThrow(
      'batchSize',
    );
    await expect(
      collect(keysetBatches({ read: async () => [1, 2, 3], keyOf: (n) => n, batchSize: 2 })),
    ).rejects.toThrow('3 rows');
  });
});

describe('export query parameters', () => {
  const parse = (query: Record<string, unknown>, ranged = true) =>
    parseExportQuery(query, { ranged, dataset: 'orders', extra: ['segment'] });
  const refusal = (query: Record<string, unknown>, ranged = true): ExportRequestError | undefined => {
    try {
      parse(query, ranged);
      return undefined;
    } catch (error) {
      return error as ExportRequestError;
    }
  };

  it('defaults to NDJSON over everything, and reads ISO dates and times', () => {
    expect(parse({})).toEqual({ format: 'ndjson', from: null, to: null, extra: {} });
    expect(parse({ format: 'csv', from: '2026-04-01', to: '2026-04-02T10:30:00+02:00', segment: 'vip' })).toEqual({
      format: 'csv',
      from: new Date('2026-04-01T00:00:00Z'),
      to: new Date('2026-04-02T08:30:00Z'),
      extra: { segment: 'vip' },
    });
  });

  it.each([
    [{ format: 'xlsx' }, 'format'],
    [{ from: 'last week' }, 'from'],
    [{ to: '2026-02-30T25:00:00Z' }, 'to'],
    [{ from: '2026-04-02', to: '2026-04-01' }, 'to'],
    [{ page: '2' }, 'page'],
    [{ format: ['csv', 'csv'] }, 'format'],
  ])('refuses %j naming %s', (query, parameter) => {
    const error = refusal(query);
    expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', details: { parameter } });
    expect(error!.message).toContain(parameter);
  });

  it('refuses a range on rows that are as of now', () => {
    expect(refusal({ from: '2026-04-01' }, false)).toMatchObject({ status: 400, details: { parameter: 'from' } });
    expect(parse({ format: 'csv' }, false).format).toBe('csv');
    expect(badParameter('x', 'x is wrong').status).toBe(400);
  });
});
