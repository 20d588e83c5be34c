import { userInputError } from '../errors/graphqlErrors';

/** Page sizes every connection accepts. */
export const pageSize = { default: 20, max: 100 } as const;

/** An opaque cursor for a position in a list ordered by `key`. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Reads a cursor made by `encodeCursor`; a cursor that is not one is refused as bad input. */
export function decodeCursor<Key extends string | number>(cursor: string, kind: 'string' | 'number'): Key {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (kind === 'string' && typeof key === 'string') return key as Key;
    if (kind === 'number' && Number.isSafeInteger(key) && (key as number) >= 0) return key as Key;
  } catch {
    // falls through to the error below
  }
  throw userInputError(`"${cursor.slice(0, 64)}" is not a valid cursor`, { argument: 'after' });
}

/** Checks a `first` argument: 1 to `pageSize.max`. */
export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > pageSize.max) {
    throw userInputError(`first must be between 1 and ${pageSize.max}`, { argument: 'first' });
  }
  return first;
}
