/** Ways a customer is recognised; each identifier belongs to exactly one profile. */
export enum IdentifierType {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}

export type NormalisedIdentifier = { type: IdentifierType; value: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phoneSeparators = /[\s().-]/g;
const e164Pattern = /^\+[1-9]\d{6,14}$/;

/** Emails are trimmed and case-folded, so `Ann@Example.com ` and `ann@example.com` are one identity. */
export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && emailPattern.test(email) ? email : undefined;
}

/** Phones are stored in E.164 (`+4915112345678`); spaces, dots, dashes and brackets are ignored. */
export function normalisePhone(raw: string): string | undefined {
  let phone = raw.trim().replace(phoneSeparators, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return e164Pattern.test(phone) ? phone : undefined;
}

export function normaliseIdentifier(type: IdentifierType, raw: string): string | undefined {
  switch (type) {
    case IdentifierType.EMAIL:
      return normaliseEmail(raw);
    case IdentifierType.PHONE:
      return normalisePhone(raw);
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

export function maskIdentifier(type: IdentifierType, value: string): string {
  return type === IdentifierType.EMAIL ? maskEmail(value) : maskPhone(value);
}
