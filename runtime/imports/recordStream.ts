import { ErrorCode } from '../errors/errorCodes';
import { parseCsv } from '../exports/csv';
import type { ImportLineError, ImportRecord } from './importBatch';

export const importFormats = ['ndjson', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (importFormats as readonly string[]).includes(value);
}

/** A parsed record, or a line that could not be parsed (reported like a record's faults). */
export type ParsedLine = { record: ImportRecord } | { error: ImportLineError };

/** The longest line (or CSV record) read: longer ones are refused, so a file without newlines never fills memory. */
export const maxLineBytes = 1024 * 1024;

/**
 * Splits a byte stream into lines as they arrive, keeping only the unfinished last line in memory,
 * and numbers them from 1. CSV records may span lines inside quotes: `quoteAware` joins them and
 * numbers the record by its first line.
 */
async function* lines(
  chunks: AsyncIterable<Buffer | string>,
  quoteAware: boolean,
  firstLine: number,
): AsyncGenerator<{ line: number; text: string } | { line: number; tooLong: true }> {
  let pending = '';
  let pendingQuotes = 0;
  let lineNumber = firstLine - 1;
  let recordStart = firstLine;
  let skipping = false;
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', start)) {
      const piece = text.slice(start, index);
      start = index + 1;
      lineNumber += 1;
      if (skipping) {
        skipping = false;
        pending = '';
        pendingQuotes = 0;
        recordStart = lineNumber + 1;
        continue;
      }
      pending += piece;
      if (pending.length > maxLineBytes) {
        yield { line: recordStart, tooLong: true };
        pending = '';
        pendingQuotes = 0;
        recordStart = lineNumber + 1;
        continue;
      }
      if (quoteAware) {
        pendingQuotes += count(piece, '"');
        if (pendingQuotes % 2 === 1) {
          pending += '\n';
          continue;
        }
      }
      yield { line: recordStart, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
      pending = '';
      pendingQuotes = 0;
      recordStart = lineNumber + 1;
    }
    if (!skipping) {
      const rest = text.slice(start);
      pending += rest;
      if (quoteAware) pendingQuotes += count(rest, '"');
      if (pending.length > maxLineBytes) {
        yield { line: recordStart, tooLong: true };
        skipping = true;
        pending = '';
      }
    }
  }
  pending += decoder.decode();
  if (!skipping && pending.trim() !== '') yield { line: recordStart, text: pending };
}

function count(text: string, character: string): number {
  let total = 0;
  for (let index = text.indexOf(character); index !== -1; index = text.indexOf(character, index + 1)) total += 1;
  return total;
}

const lineError = (line: number, message: string, field: string | null = null): { error: ImportLineError } => ({
  error: { line, field, code: ErrorCode.BAD_USER_INPUT, message },
});

/** NDJSON: one JSON object per line; blank lines are skipped. */
async function* ndjsonRecords(chunks: AsyncIterable<Buffer | string>, firstLine: number): AsyncGenerator<ParsedLine> {
  for await (const item of lines(chunks, false, firstLine)) {
    if ('tooLong' in item) {
      yield lineError(item.line, `The line is longer than ${maxLineBytes} bytes`);
      continue;
    }
    if (item.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (error) {
      yield lineError(item.line, `The line is not JSON: ${(error as Error).message}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield lineError(item.line, 'Each line must be one JSON object');
      continue;
    }
    yield { record: { line: item.line, fields: value as Record<string, unknown> } };
  }
}

/** The cells of one CSV record (RFC 4180), or null when its quotes do not close. */
function csvCells(text: string): string[] | null {
  try {
    const records = parseCsv(text);
    return records.length === 1 ? records[0]! : null;
  } catch {
    return null;
  }
}

/** Puts `value` at a dotted path of `target` (`consent.EMAIL.granted`). */
function place(target: Record<string, unknown>, path: readonly string[], value: string): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** CSV with a header row of field names (dotted for nested ones); empty cells are left out. */
async function* csvRecords(chunks: AsyncIterable<Buffer | string>, firstLine: number): AsyncGenerator<ParsedLine> {
  let header: string[][] | null = null;
  for await (const item of lines(chunks, true, firstLine)) {
    if ('tooLong' in item) {
      yield lineError(item.line, `The record is longer than ${maxLineBytes} bytes`);
      continue;
    }
    if (item.text.trim() === '') continue;
    const cells = csvCells(header === null ? item.text.replace(/^\uFEFF/, '') : item.text);
    if (cells === null) {
      yield lineError(item.line, 'The line is not valid CSV (a quote that does not close)');
      continue;
    }
    if (header === null) {
      const names = cells.map((cell) => cell.trim());
      const blank = names.findIndex((name) => name === '' || name.split('.').some((part) => part === ''));
      if (blank !== -1) {
        yield lineError(item.line, `Header column ${blank + 1} has no name`);
        return;
      }
      const duplicate = names.find((name, index) => names.indexOf(name) !== index);
      if (duplicate !== undefined) {
        yield lineError(item.line, `Header column ${duplicate} appears twice`, duplicate);
        return;
      }
      header = names.map((name) => name.split('.'));
      continue;
    }
    if (cells.length !== header.length) {
      yield lineError(item.line, `The line has ${cells.length} cells; the header has ${header.length}`);
      continue;
    }
    const fields: Record<string, unknown> = {};
    cells.forEach((cell, index) => {
      if (cell !== '') place(fields, header![index]!, cell);
    });
    yield { record: { line: item.line, fields } };
  }
}

/**
 * The records of an uploaded file, as they arrive: memory holds one line, whatever the file's size.
 * `firstLine` numbers the body's first line: a file sent in parts numbers each part where it sits in
 * the file (a CSV part repeats the header, numbered as the line before the part's first record).
 */
export function parseRecords(
  chunks: AsyncIterable<Buffer | string>,
  format: ImportFormat,
  firstLine = 1,
): AsyncGenerator<ParsedLine> {
  return format === 'csv' ? csvRecords(chunks, firstLine) : ndjsonRecords(chunks, firstLine);
}
