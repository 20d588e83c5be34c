import type { ServerResponse } from 'node:http';
import { ErrorCode } from '../errors/errorCodes';
import { type ExportFormat, exportFormats, isExportFormat } from './exportFormat';

/** A refused export, answered before any row as `{ errors: [{ message, extensions: { code } }] }`. */
export class ExportRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExportRequestError';
  }
}

export const badParameter = (parameter: string, message: string) =>
  new ExportRequestError(400, ErrorCode.BAD_USER_INPUT, message, { parameter });

/** What an export asks for, besides the dataset (the owner's rows) and a segment (whose members). */
export interface ExportRange {
  format: ExportFormat;
  /** Rows whose time is at or after this (inclusive). */
  from: Date | null;
  /** Rows whose time is before this (exclusive). */
  to: Date | null;
}

const isoTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An ISO 8601 date (UTC midnight) or time with its offset. */
export function parseIsoTime(parameter: string, text: string): Date {
  const at = new Date(text);
  if (!isoTime.test(text) || Number.isNaN(at.getTime())) {
    throw badParameter(parameter, `${parameter} must be an ISO 8601 time such as 2026-04-01T00:00:00Z, got "${text}"`);
  }
  return at;
}

/**
 * The query string of an export: `format` (default ndjson), `from` and `to` when the dataset has a
 * time (`ranged`), and the extra parameters the caller names (`segment`). Anything else, a
 * parameter given twice or a range the dataset does not have is refused naming the parameter.
 */
export function parseExportQuery(
  query: Readonly<Record<string, unknown>>,
  options: { ranged: boolean; dataset: string; extra?: readonly string[] },
): ExportRange & { extra: Record<string, string> } {
  const known = new Set(['format', 'from', 'to', ...(options.extra ?? [])]);
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!known.has(name)) {
      throw badParameter(name, `${name} is not a parameter of an export (${[...known].join(', ')})`);
    }
    if (typeof value !== 'string') throw badParameter(name, `${name} must be given once`);
    text[name] = value;
  }
  const format = text.format ?? 'ndjson';
  if (!isExportFormat(format)) {
    throw badParameter('format', `format must be one of ${exportFormats.join(', ')}, got "${format}"`);
  }
  for (const name of ['from', 'to'] as const) {
    if (text[name] !== undefined && !options.ranged) {
      throw badParameter(name, `${options.dataset} are as of now: ${name} does not apply to them`);
    }
  }
  const from = text.from === undefined ? null : parseIsoTime('from', text.from);
  const to = text.to === undefined ? null : parseIsoTime('to', text.to);
  if (from && to && !(from < to)) throw badParameter('to', 'to must be later than from');
  const extra = Object.fromEntries(Object.entries(text).filter(([name]) => !['format', 'from', 'to'].includes(name)));
  return { format, from, to, extra };
}

/** Answers a refused export; only before any row was sent. */
export function sendExportError(res: ServerResponse, error: ExportRequestError): void {
  const body = JSON.stringify({
    errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }],
  });
  res.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/** `attachment; filename=...` for a download named after its dataset and the time it was taken. */
export function attachmentName(dataset: string, format: ExportFormat, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `attachment; filename="${dataset}-${stamp}.${format}"`;
}
