import { ErrorCode } from '../errors/errorCodes';
import type { ImportLineError, ImportRecord } from './importBatch';

interface Presence {
  /** Absent or empty is an error. Default false. */
  required?: boolean;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the fields of one import record with their types, whether it came from NDJSON (typed JSON
 * values) or CSV (strings: `"12"` is read as a number, `"true"` as a boolean, a list cell as JSON),
 * and collects every fault with its line and field instead of stopping at the first, so a bad line
 * is reported whole. A reader returns `undefined` for a faulty or absent field; check `ok` before
 * using the values.
 */
export class RecordReader {
  readonly errors: ImportLineError[] = [];

  constructor(
    readonly record: ImportRecord,
    /** Prefix of the fields' names in errors, for a nested record (`lines[2]`). */
    private readonly prefix = '',
  ) {}

  get line(): number {
    return this.record.line;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Records a fault of the line (field null) or of a field, e.g. a referent not found. */
  fail(field: string | null, code: string, message: string): undefined {
    this.errors.push({ line: this.record.line, field: field === null ? null : this.name(field), code, message });
    return undefined;
  }

  /** The raw value at a dotted path; empty strings and null read as absent. */
  raw(field: string): unknown {
    let value: unknown = this.record.fields;
    for (const part of field.split('.')) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value === null || value === '' ? undefined : value;
  }

  has(field: string): boolean {
    return this.raw(field) !== undefined;
  }

  text(field: string, options: Presence & { maxLength?: number } = {}): string | undefined {
    const value = this.present(field, options);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return this.bad(field, 'a string', value);
    const text = String(value).trim();
    if (text === '') return this.present(field, options, true) as undefined;
    if (options.maxLength !== undefined && text.length > options.maxLength) {
      return this.fail(
        field,
        ErrorCode.BAD_USER_INPUT,
        `${this.name(field)} is longer than ${options.maxLength} characters`,
      );
    }
    return text;
  }

  integer(field: string, options: Presence & { min?: number; max?: number } = {}): number | undefined {
    const value = this.present(field, options);
    if (value === undefined) return undefined;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) return this.bad(field, 'an integer', value);
    if (options.min !== undefined && number < options.min) {
      return this.fail(
        field,
        ErrorCode.BAD_USER_INPUT,
        `${this.name(field)} must be at least ${options.min}, got ${number}`,
      );
    }
    if (options.max !== undefined && number > options.max) {
      return this.fail(
        field,
        ErrorCode.BAD_USER_INPUT,
        `${this.name(field)} must be at most ${options.max}, got ${number}`,
      );
    }
    return number;
  }

  boolean(field: string, options: Presence = {}): boolean | undefined {
    const value = this.present(field, options);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
    return this.bad(field, 'true or false', value);
  }

  /** An ISO 8601 time with its offset (`2025-03-01T10:00:00Z`). */
  time(field: string, options: Presence = {}): Date | undefined {
    const value = this.present(field, options);
    if (value === undefined) return undefined;
    const time = typeof value === 'string' && /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? new Date(value) : null;
    if (time === null || Number.isNaN(time.getTime())) return this.bad(field, 'an ISO 8601 time with an offset', value);
    return time;
  }

  /** A calendar date, `YYYY-MM-DD`. */
  date(field: string, options: Presence = {}): string | undefined {
    const value = this.present(field, options);
    if (value === undefined) return undefined;
    const date = typeof value === 'string' && isoDate.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      return this.bad(field, 'a date YYYY-MM-DD', value);
    }
    return value as string;
  }

  oneOf<T extends string>(field: string, values: readonly T[], options: Presence = {}): T | undefined {
    const value = this.present(field, options);
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (values as readonly string[]).includes(value.trim())) return value.trim() as T;
    return this.fail(
      field,
      ErrorCode.BAD_USER_INPUT,
      `${this.name(field)} must be one of ${values.join(', ')}, got ${show(value)}`,
    );
  }

  /** An object (NDJSON), or the object of a CSV's dotted columns. */
  object(field: string, options: Presence = {}): Record<string, unknown> | undefined {
    const value = this.json(field, options);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.bad(field, 'an object', value);
    return value as Record<string, unknown>;
  }

  /** A list (NDJSON array, or a CSV cell holding a JSON array), each item read by its own reader. */
  list(field: string, options: Presence = {}): RecordReader[] | undefined {
    const value = this.json(field, options);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.bad(field, 'a list', value);
    return value.map((item, index) => {
      const fields = typeof item === 'object' && item !== null && !Array.isArray(item) ? item : { value: item };
      return new RecordReader(
        { line: this.record.line, fields: fields as Record<string, unknown> },
        `${this.name(field)}[${index}].`,
      );
    });
  }

  /** Takes a nested reader's faults as this line's. */
  adopt(reader: RecordReader): void {
    if (reader !== this) this.errors.push(...reader.errors);
  }

  private json(field: string, options: Presence): unknown {
    const value = this.present(field, options);
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return this.bad(field, 'JSON', value);
    }
  }

  private present(field: string, options: Presence, empty = false): unknown {
    const value = empty ? undefined : this.raw(field);
    if (value === undefined && options.required) {
      return this.fail(field, ErrorCode.BAD_USER_INPUT, `${this.name(field)} is required`);
    }
    return value;
  }

  private bad(field: string, expected: string, value: unknown): undefined {
    return this.fail(field, ErrorCode.BAD_USER_INPUT, `${this.name(field)} must be ${expected}, got ${show(value)}`);
  }

  private name(field: string): string {
    return `${this.prefix}${field}`;
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
