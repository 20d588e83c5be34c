/** Numbers, money, points and dates in the reader's language (the locale comes from i18n). */

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
