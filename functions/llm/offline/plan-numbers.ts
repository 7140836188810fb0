/** Number words ideas use for periods ("three months", "twelve-month momentum"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

/** A regex source matching a count: digits or one of the number words. */
export const COUNT = `(\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;

/** A regex source matching a percentage; group 1 is the number. */
export const PERCENT = '(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|pct\\b)';

/** A regex source matching a period unit; group 1 is the unit. */
export const PERIOD_UNIT =
  '(trading[- ]days?|days?|d|sessions?|bars?|weeks?|wks?|w|months?|mos?|m|years?|yrs?|y)\\b';

/** Trading days in one unit: a week is 5, a month 21, a year 252. */
export function tradingDaysPer(unit: string | undefined): number {
  if (!unit) return 1;
  if (/^w/.test(unit)) return 5;
  if (/^mo|^m$|^months?$/.test(unit)) return 21;
  if (/^y/.test(unit)) return 252;
  return 1;
}

/** The value of a COUNT match. */
export function parseCount(text: string): number {
  return NUMBER_WORDS[text] ?? Number(text);
}

/** A period in trading days: `3` `months` → 63. */
export function periodDays(count: string, unit: string | undefined): number {
  return Math.round(parseCount(count) * tradingDaysPer(unit));
}

/** A percentage as a fraction, rounded to keep float noise out of plans: `2.5` → 0.025. */
export function fraction(percentText: string): number {
  return Number((Number(percentText) / 100).toFixed(6));
}
