import { randomInt } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Ways a customer is recognised; each identifier belongs to exactly one profile. */
export enum IdentifierType {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  /** The loyalty card number (16 digits, Luhn check digit); the app shows it as a scannable code. */
  MEMBER_CARD = 'MEMBER_CARD',
  APP_MEMBER_ID = 'APP_MEMBER_ID',
  POS_CUSTOMER_ID = 'POS_CUSTOMER_ID',
  ECOMMERCE_CUSTOMER_ID = 'ECOMMERCE_CUSTOMER_ID',
  /** The member's id in the loyalty engine they were imported from (the import's `memberKey`). */
  LEGACY_MEMBER_ID = 'LEGACY_MEMBER_ID',
}

/** How identifiers are read: the region national phone numbers belong to (e.g. GB), if any. */
export interface IdentifierOptions {
  phoneRegion?: string | null;
}

export type NormalisedIdentifier = { type: IdentifierType; value: string };

/** An identifier as one map key. */
export const identifierKey = (type: IdentifierType, value: string): string => `${type}\u0000${value}`;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phoneSeparators = /[\s().-]/g;
const e164Pattern = /^\+[1-9]\d{6,14}$/;

/** Emails are trimmed and case-folded, so `Ann@Example.com ` and `ann@example.com` are one identity. */
export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && emailPattern.test(email) ? email : undefined;
}

/**
 * Phones are stored in E.164 (`+4915112345678`); spaces, dots, dashes and brackets are ignored. A
 * national number (`07700 900018`) is read in `region` (`GB` → `+447700900018`); without a region it
 * must start with + or 00.
 */
export function normalisePhone(raw: string, region?: string | null): string | undefined {
  let phone = raw.trim().replace(phoneSeparators, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  if (!phone.startsWith('+') && !region) return undefined;
  const parsed = parsePhoneNumberFromString(phone, (region ?? undefined) as CountryCode | undefined);
  if (!parsed || !parsed.isPossible()) return undefined;
  return e164Pattern.test(parsed.number) ? parsed.number : undefined;
}

const cardPrefix = '9';
const cardLength = 16;
/** What a member's app encodes in its scannable code (a QR or barcode), around the card number. */
export const scanPayloadPrefix = 'loyaltygraph:card:';

/** The Luhn check digit of a string of digits. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A new card number: 9, 14 random digits, and a Luhn check digit. */
export function newCardNumber(): string {
  const body = cardPrefix + Array.from({ length: cardLength - 2 }, () => randomInt(10)).join('');
  return body + luhnDigit(body);
}

/** A card number as typed or scanned: spaces and dashes ignored, the scan payload accepted; the check digit must match. */
export function normaliseCardNumber(raw: string): string | undefined {
  let card = raw.trim();
  if (card.toLowerCase().startsWith(scanPayloadPrefix)) card = card.slice(scanPayloadPrefix.length);
  card = card.replace(/[\s-]/g, '');
  if (!/^\d{16}$/.test(card)) return undefined;
  return luhnDigit(card.slice(0, -1)) === card.slice(-1) ? card : undefined;
}

/** Ids from other systems (app, POS, e-commerce) are kept as given, trimmed: 1 to 64 printable characters. */
export function normaliseExternalId(raw: string): string | undefined {
  const id = raw.trim();
  return id.length >= 1 && id.length <= 64 && /^[\x21-\x7e]+$/.test(id) ? id : undefined;
}

/** A member's id in the engine they came from: trimmed, case kept, 1 to 128 characters without control characters. */
export function normaliseLegacyMemberId(raw: string): string | undefined {
  const id = raw.trim();
  // eslint-disable-next-line no-control-regex
  return id.length >= 1 && id.length <= 128 && !/[\x00-\x1f\x7f]/.test(id) ? id : undefined;
}

export function normaliseIdentifier(
  type: IdentifierType,
  raw: string,
  options: IdentifierOptions = {},
): string | undefined {
  switch (type) {
    case IdentifierType.EMAIL:
      return normaliseEmail(raw);
    case IdentifierType.PHONE:
      return normalisePhone(raw, options.phoneRegion);
    case IdentifierType.MEMBER_CARD:
      return normaliseCardNumber(raw);
    case IdentifierType.APP_MEMBER_ID:
    case IdentifierType.POS_CUSTOMER_ID:
    case IdentifierType.ECOMMERCE_CUSTOMER_ID:
      return normaliseExternalId(raw);
    case IdentifierType.LEGACY_MEMBER_ID:
      return normaliseLegacyMemberId(raw);
  }
}

/** An email as staff see it: enough to confirm it with the member, not to copy it (`a**@example.com`). */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}${'*'.repeat(Math.max(2, at - 1))}${email.slice(at)}`;
}

/** A phone as staff see it: country code and last four digits (`+44••••••0018`). */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '•'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'•'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Staff see enough of an identifier to confirm it: emails and phones partly, card numbers' last four digits. */
export function maskIdentifier(type: IdentifierType, value: string): string {
  switch (type) {
    case IdentifierType.EMAIL:
      return maskEmail(value);
    case IdentifierType.PHONE:
      return maskPhone(value);
    case IdentifierType.MEMBER_CARD:
      return `•••• ${value.slice(-4)}`;
    default:
      return value;
  }
}
