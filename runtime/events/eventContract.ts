import type { NewEvent } from './outbox';

/**
 * Typed contracts for outbox events: a producer declares each event it writes (its type, its
 * versions and a decoder per version) in its `contract/events.ts`; writers build events through
 * the declaration and consumers decode with the producer's decoder, so a renamed or retyped field
 * fails a test (test/contracts) instead of silently reaching a consumer as `undefined`.
 */

/** Turns an unknown JSON value into `T`, or throws an `EventContractError` naming the field. */
export interface Decoder<T> {
  decode(value: unknown, path: string): T;
  /** The JSON type, for the generated reference (`string`, `integer`, `array of string`, ...). */
  readonly describe: string;
  /** What the field means, for the generated reference. */
  readonly description?: string;
  /** Set on decoders made by `optional`: the field may be absent. */
  readonly optional?: true;
  /** Set on decoders made by `object`: its fields, for the generated reference. */
  readonly fields?: Readonly<Record<string, Decoder<unknown>>>;
}

export type Decoded<D> = D extends Decoder<infer T> ? T : never;

/** A committed event's payload that does not match its contract. */
export class EventContractError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describeValue(got)}`);
    this.name = 'EventContractError';
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function scalar<T>(describe: string, accepts: (value: unknown) => value is T): Decoder<T> {
  return {
    describe,
    decode(value, path) {
      if (!accepts(value))
        throw new EventContractError(path, `a${/^[aeiou]/.test(describe) ? 'n' : ''} ${describe}`, value);
      return value;
    },
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

export const string: Decoder<string> = scalar('string', isString);
export const number: Decoder<number> = scalar('number', isNumber);
export const integer: Decoder<number> = scalar('integer', isInteger);
export const boolean: Decoder<boolean> = scalar('boolean', isBoolean);
/** An ISO 8601 time, kept as the string the producer wrote. */
export const time: Decoder<string> = scalar('ISO time', isTime);

/** Any JSON value, as written (free-form data of the producer's users' own shape: a member's attributes, a custom event's properties). */
export const json: Decoder<unknown> = scalar('JSON value', (value): value is unknown => value !== undefined);

/** One of some string values. */
export function oneOf<const Values extends readonly string[]>(...values: Values): Decoder<Values[number]> {
  return scalar(values.map((value) => JSON.stringify(value)).join(' | '), (value): value is Values[number] =>
    values.includes(value as string),
  );
}

/** A field that may be absent (or null, read as absent). */
export function optional<T>(decoder: Decoder<T>): Decoder<T | undefined> {
  return {
    describe: decoder.describe,
    description: decoder.description,
    fields: decoder.fields,
    optional: true,
    decode: (value, path) => (value === undefined || value === null ? undefined : decoder.decode(value, path)),
  };
}

/** A field that is present but may be null. */
export function nullable<T>(decoder: Decoder<T>): Decoder<T | null> {
  return {
    describe: `${decoder.describe} or null`,
    description: decoder.description,
    fields: decoder.fields,
    decode: (value, path) => (value === null ? null : decoder.decode(value, path)),
  };
}

/** The same decoder, with what the field means for the reference. */
export function described<T>(decoder: Decoder<T>, description: string): Decoder<T> {
  return { ...decoder, description };
}

export function array<T>(item: Decoder<T>): Decoder<T[]> {
  return {
    describe: `array of ${item.describe}`,
    fields: item.fields,
    decode(value, path) {
      if (!Array.isArray(value)) throw new EventContractError(path, 'an array', value);
      return value.map((entry, index) => item.decode(entry, `${path}[${index}]`));
    },
  };
}

/** An object whose keys are data (a map), every value decoded by `value`. */
export function record<T>(value: Decoder<T>): Decoder<Record<string, T>> {
  return {
    describe: `map of ${value.describe}`,
    decode(input, path) {
      if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw new EventContractError(path, 'an object', input);
      return Object.fromEntries(
        Object.entries(input).map(([key, entry]) => [key, value.decode(entry, `${path}.${key}`)]),
      );
    },
  };
}

type Shape = Record<string, Decoder<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Decoded<S[K]> } & {
    [K in OptionalKeys<S>]?: Exclude<Decoded<S[K]>, undefined>;
  }
>;

/**
 * An object with the declared fields. Fields it does not declare are left out of the result: a
 * consumer sees only what the contract promises.
 */
export function object<S extends Shape>(shape: S): Decoder<ObjectOf<S>> {
  return {
    describe: 'object',
    fields: shape,
    decode(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new EventContractError(path, 'an object', value);
      const input = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [key, decoder] of Object.entries(shape)) {
        const decoded = decoder.decode(input[key], `${path}.${key}`);
        if (decoded !== undefined) result[key] = decoded;
      }
      return result as ObjectOf<S>;
    },
  };
}

/** A committed event as a consumer reads it: from its own outbox, or another's over HTTP. */
export interface CommittedEvent {
  type: string;
  /** Absent on events read from a source that predates versions: version 1. */
  version?: number;
  payload: unknown;
  createdAt: Date;
}

export interface EventVersion {
  version: number;
  description: string;
  payload: Decoder<unknown>;
}

/** One event type of one producer, at its latest version `P`. */
export interface EventContract<P> {
  /** The subgraph whose outbox holds it. */
  readonly owner: string;
  readonly type: string;
  /** What `aggregateId` identifies (a customer, a reward, ...). */
  readonly aggregate: string;
  readonly description: string;
  /** The version writers write now. */
  readonly version: number;
  /** Every version a consumer may still read, oldest first. */
  readonly versions: readonly EventVersion[];
  /** The event a writer appends (`appendEvent(tx, owner, contract.event(...))`), checked against the contract. */
  event(aggregateId: string, payload: P, actor: NewEvent['actor']): NewEvent<P>;
  /** Reads a committed event of this type at any version, upgraded to the latest. */
  decode(event: CommittedEvent): P;
  /** Whether a committed event is of this type. */
  is(event: { type: string }): boolean;
  /**
   * Version `version + 1`: writers write it from now on; consumers still read the older versions,
   * upgraded by `upgrade` (which may use the event's commit time).
   */
  upgradedTo<Next>(next: {
    description: string;
    payload: Decoder<Next>;
    upgrade: (previous: P, event: CommittedEvent) => Next;
  }): EventContract<Next>;
}

interface Declaration {
  owner: string;
  type: string;
  aggregate: string;
  description: string;
}

function contractOf<P>(
  declaration: Declaration,
  versions: readonly EventVersion[],
  decodeAt: (version: number, event: CommittedEvent) => P,
): EventContract<P> {
  const latest = versions[versions.length - 1]!;
  const label = (version: number) => `${declaration.type} v${version} (${declaration.owner})`;
  const contract: EventContract<P> = {
    ...declaration,
    version: latest.version,
    versions,
    event(aggregateId, payload, actor) {
      latest.payload.decode(payload, `${label(latest.version)} payload`);
      return { type: declaration.type, version: latest.version, aggregateId, payload, actor };
    },
    decode(event) {
      if (event.type !== declaration.type)
        throw new EventContractError('type', JSON.stringify(declaration.type), event.type);
      const version = event.version ?? 1;
      if (!versions.some((known) => known.version === version))
        throw new EventContractError(
          `${label(version)} version`,
          `one of ${versions.map((v) => v.version).join(', ')}`,
          version,
        );
      return decodeAt(version, event);
    },
    is: (event) => event.type === declaration.type,
    upgradedTo<Next>(next: {
      description: string;
      payload: Decoder<Next>;
      upgrade: (previous: P, event: CommittedEvent) => Next;
    }): EventContract<Next> {
      const version = latest.version + 1;
      return contractOf<Next>(
        declaration,
        [...versions, { version, description: next.description, payload: next.payload }],
        (at, event) =>
          at === version
            ? next.payload.decode(event.payload, `${label(version)} payload`)
            : next.upgrade(decodeAt(at, event), event),
      );
    },
  };
  return contract;
}

/** Declares version 1 of an event type. */
export function defineEvent<P>(declaration: Declaration & { payload: Decoder<P> }): EventContract<P> {
  const { payload, ...rest } = declaration;
  return contractOf<P>(rest, [{ version: 1, description: rest.description, payload }], (_, event) =>
    payload.decode(event.payload, `${rest.type} v1 (${rest.owner}) payload`),
  );
}

// A contract's payload type is both read and written (invariant), so a list of mixed contracts is `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventContract = EventContract<any>;

/**
 * A producer's contracts, checked to be keyed by their own type and owned by one subgraph (so
 * `ledgerEvents.PurchaseRecorded.type === 'PurchaseRecorded'`).
 */
export function eventContracts<const C extends Record<string, AnyEventContract>>(owner: string, contracts: C): C {
  for (const [key, contract] of Object.entries(contracts)) {
    if (contract.type !== key) throw new Error(`${owner} contract ${key} declares type ${contract.type}`);
    if (contract.owner !== owner) throw new Error(`${owner} contract ${key} is owned by ${contract.owner}`);
  }
  return contracts;
}

/** The types of some contracts, for filters (`types:` of an outbox read, wake-ups). */
export const typesOf = (contracts: readonly { type: string }[]): string[] => contracts.map((contract) => contract.type);

/**
 * A field of a contract's payload by name, checked by the compiler: for consumers that read the
 * payload in SQL (`payload->>'${payloadField<P>('customerId')}'`), so a rename fails the build.
 */
export const payloadField = <P>(field: keyof P & string): string => field;
