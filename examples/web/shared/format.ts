/**
 * How the example pages put numbers, money, dates and points into words: one place, so the wallet,
 * the POS console and the dashboard say the same thing the same way. Pure (no DOM), unit-tested.
 */

/** The pages' language; British English, as the demo program is a British one. */
export const locale = 'en-GB';

const pointRules = new Intl.PluralRules(locale);

/** "1 point", "1,250 points", "-50 points". */
export function formatPoints(points: number): string {
  const unit = pointRules.select(Math.abs(points)) === 'one' ? 'point' : 'points';
  return `${points.toLocaleString(locale)} ${unit}`;
}

/** "+25 points", "-50 points": a change of a balance. */
export function formatPointsChange(points: number): string {
  return `${points > 0 ? '+' : ''}${formatPoints(points)}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** Digits after the decimal point of a currency's minor unit: 2 for GBP, 0 for JPY. */
export function minorDigits(currency: string): number {
  return moneyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in minor units of its currency, as a shopper reads it: 2500 GBP is "£25.00". */
export function formatMoney(minorUnits: number, currency: string): string {
  return moneyFormat(currency).format(minorUnits / 10 ** minorDigits(currency));
}

/** The currency's symbol as it appears in amounts: "£" for GBP, "€" for EUR. */
export function currencySymbol(currency: string): string {
  return (
    moneyFormat(currency)
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? currency
  );
}

/**
 * What someone typed as a price ("25", "25.5", "2.50") in minor units (2500, 2550, 250); null when it
 * is not an amount of this currency (letters, a negative, more decimals than the currency has).
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });

/** "2 Dec 2026". */
export function formatDay(at: Date | string): string {
  return dayFormat.format(new Date(at));
}

/** "2 Dec" within the current year of `now`, else "2 Dec 2025". */
export function formatRecentDay(at: Date | string, now = new Date()): string {
  const date = new Date(at);
  return date.getFullYear() === now.getFullYear() ? shortDayFormat.format(date) : dayFormat.format(date);
}

/** "2 Dec 2026 at 10:05". */
export function formatDayAndTime(at: Date | string): string {
  const date = new Date(at);
  return `${dayFormat.format(date)} at ${timeFormat.format(date)}`;
}

const channelWords: Record<string, string> = { IN_STORE: 'in store', ONLINE: 'online', MOBILE_APP: 'in the app' };

/** "in store", "online", "in the app"; another channel by its name ("MARKETPLACE" is "marketplace"). */
export function channelName(channel: string): string {
  return channelWords[channel] ?? channel.toLowerCase().replaceAll('_', ' ');
}

/** A store id as a place name: "london-1" is "London 1". */
export function storeName(storeId: string): string {
  return storeId
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
