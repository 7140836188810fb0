import type { SourceFile } from '../../agents/tasks.js';

/** What a backtest needs from the algorithm's `initialize`: its dates (UTC midnight) and starting cash. */
export interface AlgorithmSettings {
  startDate: Date;
  endDate: Date;
  cash: number;
}

// LEAN's own defaults when initialize sets nothing: start 1998-01-01, end yesterday, $100,000.
const DEFAULT_START = { year: 1998, month: 1, day: 1 };
const DEFAULT_CASH = 100_000;

const DATE_ARGUMENTS = String.raw`\(\s*(?:datetime\s*\(\s*)?(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)`;
const START_DATE = new RegExp(String.raw`\b(?:set_start_date|SetStartDate)\s*${DATE_ARGUMENTS}`);
const END_DATE = new RegExp(String.raw`\b(?:set_end_date|SetEndDate)\s*${DATE_ARGUMENTS}`);
const CASH = /\b(?:set_cash|SetCash)\s*\(\s*(\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*\)/;

// Calls that make LEAN place orders, directly or through the framework; both naming styles work in LEAN.
// PortfolioTarget is not among them: risk models return PortfolioTarget(symbol, 0) to close positions,
// and construction models only turn insights into targets, so targets alone never open a trade.
const ORDER_CALLS = [
  /\bInsight\.(?:price|Price)\s*\(/,
  /\bInsight\s*\(/,
  /\b(?:set_holdings|SetHoldings)\s*\(/,
  /\b(?:market_order|MarketOrder)\s*\(/,
  /\b(?:limit_order|LimitOrder)\s*\(/,
];

const TICKER =
  /\b(?:add_equity|AddEquity|Symbol\.create|Symbol\.Create)\s*\(\s*["']([A-Z][A-Z0-9.]{0,9})["']/g;

/** Reads start date, end date and cash from main.py, falling back to LEAN's defaults for what it cannot read. */
export function readAlgorithmSettings(mainSource: string | undefined, now: Date): AlgorithmSettings {
  const code = withoutComments(mainSource ?? '');
  const yesterday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const startDate =
    parseDate(code.match(START_DATE)) ?? utcDate(DEFAULT_START.year, DEFAULT_START.month, DEFAULT_START.day);
  const endDate = parseDate(code.match(END_DATE)) ?? yesterday;
  const cashText = code.match(CASH)?.[1];
  const cash = cashText === undefined ? DEFAULT_CASH : Number(cashText.replaceAll('_', ''));
  return {
    startDate,
    // An end before the start leaves a one-day backtest rather than a negative one.
    endDate: new Date(Math.max(endDate.getTime(), startDate.getTime())),
    cash: Number.isFinite(cash) && cash > 0 ? cash : DEFAULT_CASH,
  };
}

/** True when some file places orders or emits insights; otherwise LEAN would finish with zero trades. */
export function placesOrders(files: readonly SourceFile[]): boolean {
  return files.some((file) => {
    const code = withoutComments(file.content);
    return ORDER_CALLS.some((pattern) => pattern.test(code));
  });
}

/** The tickers the project adds by name, in the order they first appear. */
export function namedTickers(files: readonly SourceFile[]): string[] {
  const tickers = new Set<string>();
  for (const file of files) {
    for (const match of withoutComments(file.content).matchAll(TICKER)) {
      if (match[1]) tickers.add(match[1]);
    }
  }
  return [...tickers];
}

/** Drops `#` comment lines so that commented-out code does not count. */
export function withoutComments(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

function parseDate(match: RegExpMatchArray | null): Date | undefined {
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = utcDate(year, month, day);
  // Date.UTC rolls 2020-02-31 into March; Python's datetime would refuse it, so treat it as unreadable.
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : undefined;
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
