/** Numbers, money, points and dates in the reader's language (the locale comes from i18n), and money as typed. */

export function formatNumber(locale: string, value: number, digits = 0): string {
  return value.toLocaleString(locale, { maximumFractionDigits: digits });
}

/** Minor units (pence, cents) as money: 1250 GBP → "£12.50". */
export function formatMoney(locale: string, minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

export function formatPercent(locale: string, share: number): string {
  return share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });
}

/** A date and time in a time zone (the program's, for schedules), or the reader's. */
export function formatDateTime(locale: string, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function formatDate(locale: string, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** Digits after the decimal point of a currency's minor unit: 2 for GBP, 0 for JPY. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A typed price ("25", "2.50", "2,50") in minor units (2500, 250); null when it is not an amount of
 * this currency (letters, a negative, more decimals than the currency has).
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
