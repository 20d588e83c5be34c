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
