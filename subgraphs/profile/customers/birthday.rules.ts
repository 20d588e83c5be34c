export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Members born on a month and day, 29 February counting on 28 February in other years: a SQL
 * condition on `profile.customers` that takes its values as $1 to $3, and those values.
 */
export function bornOn(
  month: number,
  day: number,
  leapYear: boolean,
): { sql: string; params: [number, number, boolean] } {
  return {
    sql: `birthday is not null
      and ((extract(month from birthday) = $1 and extract(day from birthday) = $2)
           or ($3 and extract(month from birthday) = 2 and extract(day from birthday) = 29))`,
    params: [month, day, !leapYear && month === 2 && day === 28],
  };
}
