/** The identifier kinds a typed or scanned value is guessed as (the graph's `IdentifierType` values). */
export type GuessedIdentifierType = 'EMAIL' | 'PHONE' | 'MEMBER_CARD';

/** What the member app's QR code and barcode carry before the card number (profile's `scanPayloadPrefix`). */
const scanPrefix = 'loyaltygraph:card:';

/**
 * The identifier type a typed or scanned value most likely is: an email has an @; a card is the
 * scanned payload or its 16 digits (a phone number has at most 15, E.164); a phone is digits with
 * spaces, dashes or brackets, perhaps after a +. Anything else is tried as a card.
 */
export function guessIdentifierType(value: string): GuessedIdentifierType {
  const trimmed = value.trim();
  if (trimmed.includes('@')) return 'EMAIL';
  if (trimmed.toLowerCase().startsWith(scanPrefix)) return 'MEMBER_CARD';
  if (/^[\d\s-]+$/.test(trimmed) && trimmed.replace(/\D/g, '').length === 16) return 'MEMBER_CARD';
  if (/^\+?[\d\s()-]{7,}$/.test(trimmed)) return 'PHONE';
  return 'MEMBER_CARD';
}

/** What the member app's QR code of a points hold carries before the hold's id (issue 29). */
const holdPrefix = 'loyaltygraph:hold:';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The code the member app shows for a points hold, for the till to scan. */
export function holdScanPayload(holdId: string): string {
  return `${holdPrefix}${holdId}`;
}

/**
 * The hold id of a code scanned or typed at the till: the app's payload or the bare id (any case,
 * spaces around it); null when it is neither, so the till tries it as a member identifier instead.
 */
export function holdIdOfCode(value: string): string | null {
  const trimmed = value.trim();
  const id = trimmed.toLowerCase().startsWith(holdPrefix) ? trimmed.slice(holdPrefix.length).trim() : trimmed;
  return uuid.test(id) ? id.toLowerCase() : null;
}
