import { randomInt } from 'node:crypto';

/** Crockford's base32 without I, L, O, U: no letters a cashier misreads for digits. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const groups = 4;
const groupLength = 4;

/**
 * A voucher code: 16 random base32 characters (80 bits, from the OS's secure random source) and a
 * check character, in groups a cashier can read out: `K7QM-2XRD-9HTB-F4WN-P`.
 */
export function newVoucherCode(): string {
  const body = Array.from({ length: groups * groupLength }, () => alphabet[randomInt(alphabet.length)]).join('');
  return format(body + checkCharacter(body));
}

/** Upper-cases, drops spaces and dashes, and maps look-alikes (O→0, I/L→1), as a till types it. */
export function normaliseVoucherCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether a typed code is well formed with a matching check character (a typo is caught before any lookup). */
export function isVoucherCode(input: string): boolean {
  const code = normaliseVoucherCode(input);
  if (code.length !== groups * groupLength + 1) return false;
  if ([...code].some((char) => !alphabet.includes(char))) return false;
  return checkCharacter(code.slice(0, -1)) === code.slice(-1);
}

/** The stored form of a code: normalised and grouped. */
export function canonicalVoucherCode(input: string): string {
  return format(normaliseVoucherCode(input));
}

function format(code: string): string {
  const parts: string[] = [];
  for (let i = 0; i < groups * groupLength; i += groupLength) parts.push(code.slice(i, i + groupLength));
  return [...parts, code.slice(groups * groupLength)].join('-');
}

/** A weighted sum mod 31: catches any one mistyped character and any swap of neighbours (but 0 for Z). */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += alphabet.indexOf(body[i]!) * (i + 1);
  return alphabet[sum % 31]!;
}
