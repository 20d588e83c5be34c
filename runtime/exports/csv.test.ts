import fc from 'fast-check';
import { csvField, csvRecord, parseCsv } from './csv';
import { rowEncoder, type ExportColumn } from './exportFormat';

describe('CSV (RFC 4180)', () => {
  it('quotes only fields that need it, doubling quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('reads back any records it writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (records) => {
          const text = records.map(csvRecord).join('');
          expect(parseCsv(text)).toEqual(records);
        },
      ),
    );
  });

  it('refuses a quoted field that never closes', () => {
    expect(() => parseCsv('"open,\r\n')).toThrow('quoted');
  });
});

describe('row encoders', () => {
  interface Row {
    id: number;
    name: string | null;
    at: Date;
    lines: unknown[];
    ok: boolean;
  }
  const columns: ExportColumn<Row>[] = [
    { name: 'id', description: '', value: (row) => row.id },
    { name: 'name', description: '', value: (row) => row.name },
    { name: 'at', description: '', value: (row) => row.at },
    { name: 'lines', description: '', value: (row) => row.lines },
    { name: 'ok', description: '', value: (row) => row.ok },
  ];
  const rows: Row[] = [
    { id: 1, name: 'O"Hara, A', at: new Date('2026-04-01T10:00:00Z'), lines: [{ sku: 'X', quantity: 1 }], ok: true },
    { id: 2, name: null, at: new Date('2026-04-02T00:00:00.5Z'), lines: [], ok: false },
  ];

  it('writes CSV with a header, empty nulls, ISO times and JSON structures', () => {
    const csv = rowEncoder('csv', columns);
    expect(csv.header()).toBe('id,name,at,lines,ok\r\n');
    expect(csv.rows(rows)).toBe(
      '1,"O""Hara, A",2026-04-01T10:00:00.000Z,"[{""sku"":""X"",""quantity"":1}]",true\r\n' +
        '2,,2026-04-02T00:00:00.500Z,[],false\r\n',
    );
  });

  it('writes NDJSON one object per line, keys in column order', () => {
    const ndjson = rowEncoder('ndjson', columns);
    expect(ndjson.header()).toBe('');
    const lines = ndjson.rows(rows).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      id: 1,
      name: 'O"Hara, A',
      at: '2026-04-01T10:00:00.000Z',
      lines: [{ sku: 'X', quantity: 1 }],
      ok: true,
    });
    expect(Object.keys(JSON.parse(lines[1]!) as object)).toEqual(['id', 'name', 'at', 'lines', 'ok']);
  });
});
