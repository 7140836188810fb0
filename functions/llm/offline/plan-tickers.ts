import type { IdeaText } from './plan-idea-text.js';

/** Tickers recognised even in lower case, because people type them that way ("spy and qqq"). */
export const KNOWN_TICKERS: ReadonlySet<string> = new Set(
  `spy qqq iwm dia tlt ief shy gld slv uso xlk xlf xle xlv xly xlp xli xlb xlu xlre xlc vti voo vea vwo agg bnd
  hyg lqd eem efa aapl msft goog googl amzn nvda tsla`.split(/\s+/),
);

/** Upper-case words in ideas that are not tickers. */
const NOT_TICKERS = new Set(
  `RSI SMA EMA MA MACD ROC ATR US USA ETF ETFS NYSE NASDAQ AND OR THE USD EUR PE EPS CAGR DD SL TP BUY SELL LONG
  SHORT ONLY CEO GDP VIX AI ML API TA YTD ATH OHLC DCA IPO EOD ADX OBV VWAP TWAP KPI FX UK EU QC LEAN TOP MAX MIN SP
  NDX SPX DJIA DOW MOM BB STD IF AT TO ON IN BY OF NO NOT ALL PCT ANY FOR WITH FROM INTO OVER UNDER ABOVE BELOW
  WHEN THEN DAY DAYS WEEK MONTH YEAR DAILY HIGH LOW OPEN CLOSE NEW USE ADD SET GO IT IS BE AN AS OK`.split(
    /\s+/,
  ),
);

const TICKER_SHAPE = /^[A-Z]{2,5}(?:\.[A-Z])?$/;

/** True when more than half of the idea's letters are capitals: then capitals say nothing about tickers. */
function shouting(idea: IdeaText): boolean {
  const letters = idea.original.replace(/[^A-Za-z]/g, '');
  const capitals = letters.replace(/[^A-Z]/g, '');
  return letters.length > 0 && capitals.length / letters.length > 0.6;
}

/** The ticker a word of the idea names, if it names one: written in capitals, or a well-known ticker. */
export function tickerAt(idea: IdeaText, start: number, length: number): string | undefined {
  const written = idea.original.slice(start, start + length);
  const upper = written.toUpperCase();
  if (KNOWN_TICKERS.has(written.toLowerCase())) return upper;
  if (written !== upper || shouting(idea) || NOT_TICKERS.has(upper) || !TICKER_SHAPE.test(upper))
    return undefined;
  return upper;
}

/** Every unclaimed ticker the idea names, in order, each once; claims them. */
export function takeTickers(idea: IdeaText): string[] {
  const tickers: string[] = [];
  for (const match of idea.findAll(/\b[a-z]{1,5}(?:\.[a-z])?\b/)) {
    const ticker = tickerAt(idea, match.index, match[0].length);
    if (!ticker) continue;
    idea.claim(match);
    if (!tickers.includes(ticker)) tickers.push(ticker);
  }
  return tickers;
}
