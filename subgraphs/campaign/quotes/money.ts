const formats = new Map<string, Intl.NumberFormat>();

/** Formats minor units as an amount a reader knows: `formatMoney(150, 'EUR')` is `€1.50`. */
export function formatMoney(minorUnits: number, currency: string): string {
  // Building a NumberFormat costs far more than using one, and every quote line formats amounts.
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency });
    formats.set(currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
