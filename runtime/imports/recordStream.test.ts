import { Readable } from 'node:stream';
import { csvRecord } from '../exports/csv';
import { parseRecords, type ParsedLine } from './recordStream';

async function parse(text: string, format: 'csv' | 'ndjson', chunkSize = 7, firstLine = 1): Promise<ParsedLine[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += chunkSize) chunks.push(bytes.subarray(start, start + chunkSize));
  const parsed: ParsedLine[] = [];
  for await (const item of parseRecords(Readable.from(chunks), format, firstLine)) parsed.push(item);
  return parsed;
}

describe('import files as they stream in', () => {
  it('reads NDJSON objects with their line numbers, whatever the chunk boundaries (even inside a character)', async () => {
    const text = '{"memberKey":"M-1","givenName":"Zoë"}\n\n{"memberKey":"M-2"}\r\nnot json\n[1]\n{"memberKey":"M-3"}';
    for (const size of [1, 3, 7, 1000]) {
      expect(await parse(text, 'ndjson', size)).toEqual([
        { record: { line: 1, fields: { memberKey: 'M-1', givenName: 'Zoë' } } },
        { record: { line: 3, fields: { memberKey: 'M-2' } } },
        { error: expect.objectContaining({ line: 4, field: null, code: 'BAD_USER_INPUT' }) },
        { error: expect.objectContaining({ line: 5, message: 'Each line must be one JSON object' }) },
        { record: { line: 6, fields: { memberKey: 'M-3' } } },
      ]);
    }
  });

  it('reads CSV with a header, dotted columns nested, empty cells absent, quoted newlines kept', async () => {
    const text =
      '\uFEFF' +
      csvRecord(['memberKey', 'givenName', 'consent.EMAIL.granted', 'consent.EMAIL.source', 'lines']) +
      csvRecord(['M-1', 'Ada, Countess', 'true', '', '[{"sku":"A"}]']) +
      csvRecord(['M-2', 'two\nlines', 'false', 'shop', '']) +
      'M-3,short\n' +
      'M-4,"open\n';
    expect(await parse(text, 'csv')).toEqual([
      {
        record: {
          line: 2,
          fields: {
            memberKey: 'M-1',
            givenName: 'Ada, Countess',
            consent: { EMAIL: { granted: 'true' } },
            lines: '[{"sku":"A"}]',
          },
        },
      },
      {
        record: {
          line: 3,
          fields: {
            memberKey: 'M-2',
            givenName: 'two\nlines',
            consent: { EMAIL: { granted: 'false', source: 'shop' } },
          },
        },
      },
      { error: expect.objectContaining({ line: 5, message: 'The line has 2 cells; the header has 5' }) },
      { error: expect.objectContaining({ line: 6, message: expect.stringContaining('quote') }) },
    ]);
  });

  it('numbers a part of a file where it sits in the file', async () => {
    expect(await parse('{"a":1}\n{"a":2}\n', 'ndjson', 7, 41)).toEqual([
      { record: { line: 41, fields: { a: 1 } } },
      { record: { line: 42, fields: { a: 2 } } },
    ]);
    // A CSV part repeats the header, numbered as the line before its first record.
    expect(await parse('a\n1\n2\n', 'csv', 7, 40)).toEqual([
      { record: { line: 41, fields: { a: '1' } } },
      { record: { line: 42, fields: { a: '2' } } },
    ]);
  });

  it('refuses a header with a blank or repeated column, before any record', async () => {
    expect(await parse('memberKey,,x\nM-1,a,b\n', 'csv')).toEqual([
      { error: expect.objectContaining({ line: 1, message: 'Header column 2 has no name' }) },
    ]);
    expect(await parse('a,a\n1,2\n', 'csv')).toEqual([
      { error: expect.objectContaining({ line: 1, field: 'a', message: 'Header column a appears twice' }) },
    ]);
  });

  it('refuses a line longer than the limit without holding it, and goes on after it', async () => {
    const long = `{"memberKey":"${'x'.repeat(1024 * 1024 + 10)}"}`;
    for (const text of [`${long}\n{"memberKey":"M-2"}\n`, `{"a":1}\n${long}`]) {
      const parsed = await parse(text, 'ndjson', 64 * 1024);
      // Compared in short form: a failure must not print a megabyte.
      expect(
        parsed.map((item) => ('error' in item ? `${item.error.line}: ${item.error.message}` : item.record.line)),
      ).toEqual(
        text.startsWith('{"a"')
          ? [1, `2: The line is longer than ${1024 * 1024} bytes`]
          : [`1: The line is longer than ${1024 * 1024} bytes`, 2],
      );
    }
  });
});
