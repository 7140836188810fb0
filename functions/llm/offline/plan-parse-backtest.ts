import type { IdeaFragments, ParseContext } from './plan-fragments.js';
import type { IdeaText } from './plan-idea-text.js';
import { COUNT, parseCount } from './plan-numbers.js';
import { tickerAt } from './plan-tickers.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_DATE = '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}';
const MONTH_YEAR =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+\\d{4}';
const YEAR = '(?<![\\d$.,])(?:19|20)\\d{2}(?!\\d|%|[.,]\\d)';
/** A date as an idea writes it; group 1 is the whole token. */
const DATE_TOKEN = `(${ISO_DATE}|${MONTH_YEAR}|${YEAR})`;

const RANGE = new RegExp(
  `\\b(?:from|between|for|over)?\\s*${DATE_TOKEN}\\s*(?:to|-|through|thru|until|till|and)\\s*${DATE_TOKEN}`,
);
const START = new RegExp(
  `\\b(?:since|from|starting(?:\\s+(?:in|from|on|at))?|start(?:ing|s)?\\s+(?:in|from|on|at)|begin(?:ning|s)?(?:\\s+(?:in|on|at))?|after)\\s+${DATE_TOKEN}`,
);
const END = new RegExp(
  `\\b(?:until|till|through|thru|to|ending(?:\\s+(?:in|on|at))?|end(?:s)?\\s+(?:in|on|at)|up\\s+to|before)\\s+${DATE_TOKEN}`,
);
const LAST_YEARS = new RegExp(
  `\\b(?:over|in|for|during)?\\s*the\\s+(?:last|past|previous|prior)\\s+${COUNT}\\s+years?\\b`,
);
const ONE_YEAR = new RegExp(`\\b(?:in|during|for)\\s+(${YEAR})\\b`);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date token as YYYY-MM-DD: a year or month starts on its first day and ends on its last. */
export function isoDateOf(token: string, edge: 'start' | 'end'): string {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(token);
  if (iso) return `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
  const monthYear = /^([a-z]+)\.?\s+(\d{4})$/.exec(token);
  if (monthYear) {
    const month = MONTHS.indexOf((monthYear[1] ?? '').slice(0, 3)) + 1;
    const year = Number(monthYear[2]);
    return `${year}-${pad(month)}-${pad(edge === 'start' ? 1 : lastDayOfMonth(year, month))}`;
  }
  return edge === 'start' ? `${token}-01-01` : `${token}-12-31`;
}

function clampEnd(fragments: IdeaFragments, endDate: string, context: ParseContext): void {
  if (endDate > context.defaultEndDate) {
    fragments.notes.push({
      topic: 'Dates',
      text: `the backtest ends on ${context.defaultEndDate}, the last date with data, not ${endDate}.`,
    });
    fragments.endDate = context.defaultEndDate;
  } else {
    fragments.endDate = endDate;
  }
}

function yearsBefore(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-');
  const shifted = `${Number(year) - years}-${month}-${day}`;
  // 29 February has no twin in most years.
  return shifted.endsWith('-02-29') ? shifted.replace(/-29$/, '-28') : shifted;
}

/** Backtest dates: ranges, "since 2015", "until 2021-06-30", "over the last 5 years", "in 2020". */
export function parseDates(idea: IdeaText, fragments: IdeaFragments, context: ParseContext): void {
  const range = idea.take(RANGE);
  if (range?.[1] && range[2]) {
    fragments.startDate = isoDateOf(range[1], 'start');
    clampEnd(fragments, isoDateOf(range[2], 'end'), context);
    return;
  }
  const start = idea.take(START);
  if (start?.[1]) fragments.startDate = isoDateOf(start[1], 'start');
  const end = idea.take(END);
  if (end?.[1]) clampEnd(fragments, isoDateOf(end[1], 'end'), context);
  if (start || end) return;
  const lastYears = idea.take(LAST_YEARS);
  if (lastYears?.[1]) {
    fragments.startDate = yearsBefore(context.defaultEndDate, Math.round(parseCount(lastYears[1])));
    fragments.endDate = context.defaultEndDate;
    return;
  }
  const oneYear = idea.take(ONE_YEAR);
  if (oneYear?.[1]) {
    fragments.startDate = isoDateOf(oneYear[1], 'start');
    clampEnd(fragments, isoDateOf(oneYear[1], 'end'), context);
  }
}

const AMOUNT = '(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k|thousand|mm|mn|m|million|bn|b|billion)?\\b';
const CASH_PATTERNS = [
  new RegExp(`\\$\\s*${AMOUNT}`),
  new RegExp(
    `\\b${AMOUNT}\\s*(?:usd|dollars|(?:in\\s+|of\\s+)?(?:starting\\s+|initial\\s+)?(?:cash|capital|equity|bankroll))\\b`,
  ),
  new RegExp(
    `\\b(?:starting|initial)?\\s*(?:cash|capital|equity|bankroll|account(?:\\s+size)?)\\s*(?:of|:|=|is)?\\s*\\$?\\s*${AMOUNT}`,
  ),
  /\bwith\s+(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|m|million)\b/,
];

function amountOf(digits: string, suffix: string | undefined): number {
  const value = Number(digits.replaceAll(',', ''));
  if (!suffix) return value;
  if (/^(?:k|thousand)$/.test(suffix)) return value * 1e3;
  if (/^(?:b|bn|billion)$/.test(suffix)) return value * 1e9;
  return value * 1e6;
}

/** Starting cash: "$100k", "250,000 cash", "1M", "starting capital of 50000". Amounts under $1,000 are prices. */
export function parseCash(idea: IdeaText, fragments: IdeaFragments): void {
  for (const pattern of CASH_PATTERNS) {
    for (const match of idea.findAll(pattern)) {
      const amount = amountOf(match[1] ?? '', match[2]);
      if (amount >= 1000 && amount <= 1e10) {
        idea.claim(match);
        fragments.cash = Math.round(amount);
        return;
      }
    }
  }
}

const BENCHMARK =
  /\b(?:benchmark(?:ed)?(?:\s+(?:against|to|vs\.?|is|of))?|compared?\s+(?:to|with|against)|against|versus|vs\.?|relative\s+to)\s*[:=]?\s*(?:the\s+)?([a-z]{2,5})\b/;

/** The benchmark: "benchmark QQQ", "versus SPY". */
export function parseBenchmark(idea: IdeaText, fragments: IdeaFragments): void {
  for (const match of idea.findAll(BENCHMARK)) {
    const word = match[1] ?? '';
    const ticker = tickerAt(idea, match.index + match[0].length - word.length, word.length);
    if (!ticker) continue;
    idea.claim(match);
    fragments.benchmark = ticker;
    return;
  }
}
