import { csvRecord } from './csv';

/** A value of one exported field: JSON types, a time (written ISO 8601), or a structure (JSON). */
export type ExportValue =
  string | number | boolean | null | Date | readonly unknown[] | { readonly [key: string]: unknown };

/** One column of an export: its name (NDJSON key, CSV header) and how a row gives its value. */
export interface ExportColumn<Row> {
  name: string;
  /** What the column holds, for the guide and the header comment of tools. */
  description: string;
  value(row: Row): ExportValue;
}

export const exportFormats = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (exportFormats as readonly string[]).includes(value);
}

export const exportContentTypes: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** A value as a CSV field's text: empty for null, ISO for a time, JSON for a structure. */
function csvText(value: ExportValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Turns rows into the bytes of one format: a header first (CSV), then a batch of rows at a time. */
export interface RowEncoder<Row> {
  /** What comes before the first row (CSV: the header record; NDJSON: nothing). */
  header(): string;
  /** The text of a batch of rows, each ended by its newline. */
  rows(rows: readonly Row[]): string;
}

export function rowEncoder<Row>(format: ExportFormat, columns: readonly ExportColumn<Row>[]): RowEncoder<Row> {
  if (format === 'csv') {
    return {
      header: () => csvRecord(columns.map((column) => column.name)),
      rows: (rows) => rows.map((row) => csvRecord(columns.map((column) => csvText(column.value(row))))).join(''),
    };
  }
  return {
    header: () => '',
    rows: (rows) =>
      rows
        .map((row) => {
          const record: Record<string, ExportValue> = {};
          for (const column of columns) record[column.name] = column.value(row);
          // JSON.stringify writes a Date as its ISO text.
          return `${JSON.stringify(record)}\n`;
        })
        .join(''),
  };
}
