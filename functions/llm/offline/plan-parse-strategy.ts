import type { StrategyKind } from '../../agents/plan.js';
import type { IdeaFragments } from './plan-fragments.js';
import type { IdeaText } from './plan-idea-text.js';
import { withinLimits } from './plan-limits.js';
import { COUNT, PERIOD_UNIT, parseCount, periodDays } from './plan-numbers.js';

const Z_SCORE = { min: 0.1, max: 10, what: 'A z-score entry' };
const BOLLINGER_PERIOD = { min: 2, max: 756, what: 'A Bollinger period' };

/** Longest lookback a plan may carry (three years of trading days). */
const MAX_LOOKBACK_DAYS = 756;

/** Words that name each strategy family. */
export const FAMILY_PATTERNS: Record<StrategyKind, RegExp> = {
  ma_crossover:
    /\bgolden[- ]cross\b|\bdeath[- ]cross\b|\bcross[- ]?overs?\b|\bmoving[- ]averages?\s+cross\w*|\b(?:sma|ema|ma)s?\s*(?:\(?\d+\)?\s*(?:\/|and|&|vs\.?|x)\s*\(?\d+\)?\s*)?cross\w*|\bmacd\b/,
  rsi: /\brsi\b|\brelative\s+strength\s+index\b/,
  breakout:
    /\bbreak[- ]?outs?\b|\bdonchian(?:\s+channels?)?\b|\bturtle\b|\bnew\s+(?:\d+[- ]?(?:day|week)\s+)?highs?\b|\bchannel\s+break\w*/,
  mean_reversion:
    /\bmean[- ]revers\w*|\bmean[- ]revert\w*|\brevert(?:s|ing)?\s+to\s+(?:the\s+)?mean\b|\bz[- ]?scores?\b|\bbollinger(?:\s+bands?)?\b/,
  momentum:
    /\bmomentum\b|\btrend[- ]follow\w*|\brate[- ]of[- ]change\b|\broc\b|\brelative\s+strength\b(?!\s+index)|\btime[- ]series\s+momentum\b|\bcross[- ]sectional(?:\s+momentum)?\b/,
};

/** When an idea names several families, the most specific one is built. */
const SPECIFICITY: StrategyKind[] = ['ma_crossover', 'rsi', 'breakout', 'mean_reversion', 'momentum'];

/** How people name the families, for messages. */
export const FAMILY_NAMES: Record<StrategyKind, string> = {
  momentum: 'momentum',
  mean_reversion: 'mean reversion',
  ma_crossover: 'moving-average crossover',
  rsi: 'RSI',
  breakout: 'breakout',
};

const MA_WORD_SOURCE =
  '(?:sma|ema|ma|moving\\s+averages?|exponential\\s+moving\\s+averages?|simple\\s+moving\\s+averages?)';

/** Words that only make sense as part of a signal; claimed last, after the family names that contain some. */
const STRATEGY_WORDS = new RegExp(
  [
    `\\b${MA_WORD_SOURCE}s?\\b`,
    '\\bcross(?:es|ed|ing)?\\s+(?:above|over|below|under)\\b',
    '\\b(?:oversold|overbought|highs?|lows?|channels?|standard\\s+deviations?|bands?|mean|average|look[- ]?backs?|windows?)\\b',
  ].join('|'),
);

const NUMBER = '(\\d+(?:\\.\\d+)?)(?![\\d%])';

function firstNumber(idea: IdeaText, patterns: readonly RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const match = idea.take(pattern);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

function parseCrossover(idea: IdeaText, fragments: IdeaFragments): void {
  const pair = idea
    .findAll(/(\d+)\s*(?:-?\s*days?)?\s*(?:\/|&|\bx\b|\band\b|\bvs\.?|\bover\b|,)\s*(\d+)(?:\s*-?\s*days?)?/)
    .find((match) => Number(match[1]) !== Number(match[2]));
  let periods: number[] = [];
  if (pair) {
    idea.claim(pair);
    periods = [Number(pair[1]), Number(pair[2])];
  } else {
    const fast = firstNumber(idea, [
      new RegExp(`\\bfast\\s*(?:period|${MA_WORD_SOURCE})?\\s*(?:of|=|:)?\\s*${NUMBER}`),
    ]);
    const slow = firstNumber(idea, [
      new RegExp(`\\bslow\\s*(?:period|${MA_WORD_SOURCE})?\\s*(?:of|=|:)?\\s*${NUMBER}`),
    ]);
    if (fast !== undefined && slow !== undefined) periods = [fast, slow];
    else {
      const named = [
        ...idea.takeAll(new RegExp(`(\\d+)\\s*[- ]?(?:days?\\s*[- ]?)?${MA_WORD_SOURCE}`)),
        ...idea.takeAll(/\b(?:sma|ema|ma)\s*\(?\s*(\d+)\s*\)?/),
      ].map((match) => Number(match[1]));
      periods = [...new Set(named)];
    }
  }
  if (periods.length >= 2) {
    const fast = Math.min(...periods);
    const slow = Math.max(...periods);
    fragments.strategy.fastPeriod = withinLimits(fast, {
      min: 1,
      max: 400,
      what: 'A fast moving-average period',
    });
    fragments.strategy.slowPeriod = withinLimits(slow, {
      min: 2,
      max: 800,
      what: 'A slow moving-average period',
    });
  } else if (idea.mentions(/\b(?:golden|death)[- ]cross\b/)) {
    fragments.strategy.fastPeriod = 50;
    fragments.strategy.slowPeriod = 200;
  } else if (idea.mentions(/\bmacd\b/)) {
    fragments.strategy.fastPeriod = 12;
    fragments.strategy.slowPeriod = 26;
    fragments.notes.push({
      topic: 'Strategy',
      text: 'MACD is approximated by a 12/26 EMA crossover, without a signal line.',
    });
  }
  if (idea.mentions(/\bema\b|\bexponential\b|\bmacd\b/)) fragments.movingAverageType = 'ema';
  else if (idea.mentions(/\bsma\b|\bsimple\s+moving\b/)) fragments.movingAverageType = 'sma';
}

function parseRsi(idea: IdeaText, fragments: IdeaFragments): void {
  const period = firstNumber(idea, [
    /\brsi\s*[([]?\s*(\d+)(?![\d.])\s*[)\]]?(?!\s*(?:%|\/))/,
    /(\d+)[- ]?(?:day|period|bar)s?\s*rsi\b/,
    /\brsi\s*(?:period|length|window|lookback)\s*(?:of|=|:)?\s*(\d+)/,
  ]);
  if (period !== undefined) {
    fragments.strategy.rsiPeriod = withinLimits(period, { min: 1, max: 200, what: 'An RSI period' });
  }
  const oversold = firstNumber(idea, [
    new RegExp(
      `(?:below|under|beneath|less\\s+than|<|drops?\\s+below|falls?\\s+below|dips?\\s+below|crosses\\s+below|oversold(?:\\s+(?:at|below|level|threshold|of|is))?)\\s*[:=]?\\s*${NUMBER}`,
    ),
  ]);
  const overbought = firstNumber(idea, [
    new RegExp(
      `(?:above|over|exceeds?|greater\\s+than|>|rises?\\s+above|crosses\\s+above|overbought(?:\\s+(?:at|above|level|threshold|of|is))?)\\s*[:=]?\\s*${NUMBER}`,
    ),
  ]);
  if (oversold !== undefined && oversold > 0 && oversold < 100) fragments.strategy.oversold = oversold;
  if (overbought !== undefined && overbought > 0 && overbought < 100)
    fragments.strategy.overbought = overbought;
  if (oversold === undefined && overbought === undefined) {
    const levels = idea.find(/(\d+)\s*\/\s*(\d+)/);
    if (levels && Number(levels[1]) < Number(levels[2]) && Number(levels[2]) < 100) {
      idea.claim(levels);
      fragments.strategy.oversold = Number(levels[1]);
      fragments.strategy.overbought = Number(levels[2]);
    }
  }
}

function parseBreakout(idea: IdeaText, fragments: IdeaFragments): void {
  const match =
    idea.take(/(\d+)\s*[- ]?(day|week)s?\s*(?:break[- ]?outs?|highs?|channels?|donchian(?:\s+channels?)?)/) ??
    idea.take(/\bdonchian\s*(?:channels?)?\s*\(?\s*(?:of\s+)?(\d+)()/) ??
    idea.take(/\bnew\s+(\d+)\s*[- ]?(day|week)\s+highs?/);
  if (match?.[1]) {
    const days = periodDays(match[1], match[2] || undefined);
    fragments.strategy.lookbackDays = withinLimits(days, {
      min: 1,
      max: MAX_LOOKBACK_DAYS,
      what: 'A breakout channel',
    });
  }
}

function parseMeanReversion(idea: IdeaText, fragments: IdeaFragments): void {
  const bollinger = idea.take(/\bbollinger(?:\s+bands?)?\s*\(?\s*(\d+)\s*[,/]\s*(\d+(?:\.\d+)?)\s*\)?/);
  if (bollinger?.[1] && bollinger[2]) {
    fragments.strategy.lookbackDays = withinLimits(Number(bollinger[1]), BOLLINGER_PERIOD);
    fragments.strategy.entryZScore = withinLimits(Number(bollinger[2]), Z_SCORE);
  }
  const bollingerPeriod = idea.take(/(\d+)\s*[- ]?(?:day|period)\s*bollinger(?:\s+bands?)?/);
  if (bollingerPeriod?.[1]) {
    fragments.strategy.lookbackDays = withinLimits(Number(bollingerPeriod[1]), BOLLINGER_PERIOD);
  }
  const zScore = firstNumber(idea, [
    new RegExp(
      `\\bz[- ]?scores?\\s*(?:of|above|below|beyond|exceeds?|exceeding|greater\\s+than|less\\s+than|crosses|past|at|>|<|=|:)?\\s*[-+±]?\\s*${NUMBER}`,
    ),
    new RegExp(`${NUMBER}\\s*(?:standard\\s+deviations?|std(?:ev)?s?|sigmas?|sd)\\b`),
  ]);
  if (zScore !== undefined) fragments.strategy.entryZScore = withinLimits(zScore, Z_SCORE);
}

const LOOKBACK_PATTERNS = [
  new RegExp(
    `\\b(?:look[- ]?back|window|formation\\s+period|ranking\\s+period)\\s*(?:period\\s*)?(?:of|=|:|is)?\\s*${COUNT}\\s*[- ]?\\s*(?:${PERIOD_UNIT})?`,
  ),
  new RegExp(
    `\\b${COUNT}\\s*[- ]?\\s*${PERIOD_UNIT}\\s*[- ]?\\s*(?:look[- ]?backs?|windows?|momentum|returns?|rate[- ]of[- ]change|roc|performance|trend|mean|average|z[- ]?scores?|formation|price\\s+change|change|relative\\s+strength)\\b`,
  ),
  new RegExp(
    `\\b(?:over|in|across|during)\\s+the\\s+(?:past|last|previous|prior|trailing)\\s+${COUNT}\\s*[- ]?\\s*${PERIOD_UNIT}`,
  ),
  new RegExp(`\\b(?:trailing|past|last)\\s+${COUNT}\\s*[- ]?\\s*${PERIOD_UNIT}`),
];

function parseLookback(idea: IdeaText, fragments: IdeaFragments): void {
  for (const pattern of LOOKBACK_PATTERNS) {
    const match = idea.take(pattern);
    if (!match?.[1]) continue;
    let days = periodDays(match[1], match[2]);
    if (days > MAX_LOOKBACK_DAYS) {
      fragments.notes.push({
        topic: 'Strategy',
        text: `a ${days}-day lookback is longer than the ${MAX_LOOKBACK_DAYS} days QuantCoder supports, so ${MAX_LOOKBACK_DAYS} was used.`,
      });
      days = MAX_LOOKBACK_DAYS;
    }
    fragments.strategy.lookbackDays = withinLimits(days, {
      min: 1,
      max: MAX_LOOKBACK_DAYS,
      what: 'A lookback',
    });
    break;
  }
}

const QUANTILES: Readonly<Record<string, number>> = {
  decile: 0.1,
  quintile: 0.2,
  quartile: 0.25,
  tercile: 0.3333,
  third: 0.3333,
  half: 0.5,
};

function parseSelection(idea: IdeaText, fragments: IdeaFragments): void {
  const percent = idea.take(/\b(?:top|best|highest|strongest)\s+(\d+(?:\.\d+)?)\s*(?:%|percent\b)/);
  if (percent?.[1]) {
    const share = withinLimits(Number(percent[1]), { min: 0.01, max: 100, what: 'A top percentage' });
    fragments.strategy.topFraction = share / 100;
  }
  const quantile = idea.take(/\b(?:top|bottom)\s+(decile|quintile|quartile|tercile|third|half)\b/);
  if (quantile?.[1]) fragments.strategy.topFraction = QUANTILES[quantile[1]];
  idea.takeAll(/\b(?:bottom|top)\s+(?:decile|quintile|quartile|tercile|third|half)\b/);
  const count = idea.take(
    new RegExp(
      `\\b(?:top|best|strongest)\\s+${COUNT}\\b(?!\\s*(?:%|percent))(?:\\s+(?:stocks|names|performers|winners|securities|holdings|tickers))?`,
    ),
  );
  if (count?.[1] && fragments.strategy.topFraction === undefined) {
    const holdings = Math.round(parseCount(count[1]));
    fragments.topCount = withinLimits(holdings, { min: 1, max: 1000, what: 'A number of holdings' });
  }
}

/** The strategy family (the most specific one named) and its numbers. */
export function parseStrategy(idea: IdeaText, fragments: IdeaFragments): void {
  const mentions = SPECIFICITY.map((kind) => ({ kind, match: idea.find(FAMILY_PATTERNS[kind]) }))
    .filter((mention) => mention.match !== undefined)
    .sort((left, right) => (left.match?.index ?? 0) - (right.match?.index ?? 0));
  fragments.families = mentions.map((mention) => mention.kind);
  const family = SPECIFICITY.find((kind) => fragments.families.includes(kind));
  fragments.family = family;
  if (family === 'ma_crossover') parseCrossover(idea, fragments);
  if (family === 'rsi') parseRsi(idea, fragments);
  if (family === 'breakout') parseBreakout(idea, fragments);
  if (family === 'mean_reversion') parseMeanReversion(idea, fragments);
  parseLookback(idea, fragments);
  parseSelection(idea, fragments);
  for (const kind of SPECIFICITY) idea.takeAll(FAMILY_PATTERNS[kind]);
  idea.takeAll(STRATEGY_WORDS);
  if (family && fragments.families.length > 1) {
    const others = fragments.families.filter((kind) => kind !== family).map((kind) => FAMILY_NAMES[kind]);
    fragments.notes.push({
      topic: 'Strategy',
      text: `the idea also mentions ${others.join(' and ')}; the plan builds one ${FAMILY_NAMES[family]} signal.`,
    });
  }
}
