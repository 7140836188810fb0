import { UserInputError } from '../../shared/errors.js';
import type { IdeaFragments, ParseContext } from './plan-fragments.js';
import type { IdeaText } from './plan-idea-text.js';
import { fraction, PERCENT } from './plan-numbers.js';

const P = PERCENT;
const EACH_POSITION =
  '(?:per|for\\s+each|on\\s+each|each|a|for\\s+any)\\s+(?:security|position|stock|holding|asset|name|trade)';
const OF_EQUITY = '(?:of\\s+(?:equity|capital|the\\s+portfolio|portfolio|the\\s+account|account|nav)\\s+)?';
const MAX = 'max(?:imum)?\\.?';

const TRAILING = [
  new RegExp(`${P}\\s*trailing(?:[- ]stop)?(?:[- ]?loss)?`),
  new RegExp(`trailing[- ]stop(?:[- ]?loss)?\\s*(?:of|at|=|:)?\\s*${P}`),
];
const PER_SECURITY_DRAWDOWN = [
  new RegExp(`${MAX}\\s*drawdown\\s*(?:of|=|:|limit(?:\\s+of)?)?\\s*${P}\\s*${EACH_POSITION}`),
  new RegExp(`${P}\\s*${MAX}\\s*drawdown\\s*${EACH_POSITION}`),
  new RegExp(
    `(?:per|each)[- ](?:security|position|stock|holding)\\s*(?:${MAX}\\s*)?drawdown\\s*(?:limit\\s*)?(?:of\\s*)?${P}`,
  ),
];
const STOP_LOSS = [
  new RegExp(`${P}\\s*(?:hard\\s+)?stop(?:[- ]?loss(?:es)?)?(?:\\s*${EACH_POSITION})?`),
  new RegExp(`stop(?:[- ]?loss(?:es)?)?\\s*(?:of|at|=|:)?\\s*${P}(?:\\s*${EACH_POSITION})?`),
  new RegExp(`stop(?:\\s+out)?\\s*(?:at|if|when|after)\\s*(?:a\\s+)?(?:down\\s+|loss\\s+of\\s+)?${P}`),
  new RegExp(`cut\\s+(?:losses|losers)\\s*(?:at)?\\s*${P}`),
];
const PORTFOLIO_DRAWDOWN = [
  new RegExp(
    `${MAX}\\s*(?:portfolio|account|total|overall|strategy)\\s*drawdown\\s*(?:of|=|:|limit(?:\\s+of)?)?\\s*${P}`,
  ),
  new RegExp(`(?:portfolio|account)\\s*(?:${MAX}\\s*)?drawdown\\s*(?:limit|cap|stop)?\\s*(?:of|at)?\\s*${P}`),
  new RegExp(`${P}\\s*(?:${MAX}\\s*)?(?:portfolio|account)\\s*drawdown`),
];
const UNQUALIFIED_DRAWDOWN = [
  new RegExp(`${MAX}\\s*drawdown\\s*(?:of|=|:|limit(?:\\s+of)?)?\\s*${P}`),
  new RegExp(`${P}\\s*${MAX}\\s*drawdown`),
];
const RISK_PER_TRADE = [
  new RegExp(`${P}\\s*${OF_EQUITY}risk(?:ed)?\\s*${EACH_POSITION}`),
  new RegExp(`risk(?:ing|s)?\\s*(?:of\\s+)?${P}\\s*${OF_EQUITY}${EACH_POSITION}`),
];
const POSITION_CAP = [
  new RegExp(
    `(?:${MAX}|at\\s+most|no\\s+more\\s+than|cap(?:ped)?(?:\\s+at)?|up\\s+to)\\s*${P}\\s*(?:of\\s+(?:the\\s+)?portfolio\\s+)?(?:per|in\\s+any|in\\s+each|in\\s+one|for\\s+any|for\\s+each)\\s+(?:single\\s+)?(?:position|stock|name|security|holding)`,
  ),
  new RegExp(`(?:position|weight)\\s*(?:size\\s*)?(?:cap|limit|max(?:imum)?)\\s*(?:of|at)?\\s*${P}`),
];
const REMOVE = '(?:remove|drop|no|without|disable|turn\\s+off)\\s+(?:the\\s+|any\\s+|a\\s+)?';

function firstPercent(idea: IdeaText, patterns: readonly RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const match = idea.take(pattern);
    if (match?.[1]) return fraction(match[1]);
  }
  return undefined;
}

function checkLimit(value: number, what: string): number {
  if (value <= 0 || value > 1)
    throw new UserInputError(
      `A ${what} of ${value * 100}% is not possible; give a percentage between 0 and 100.`,
    );
  return value;
}

/** Stops and drawdown limits, and their removal ("no trailing stop"). */
export function parseRisk(idea: IdeaText, fragments: IdeaFragments): void {
  if (idea.take(new RegExp(`${REMOVE}trailing[- ]stops?(?:[- ]?loss(?:es)?)?`)))
    fragments.trailingStop = null;
  if (idea.take(new RegExp(`${REMOVE}stop(?:[- ]?loss(?:es)?|s)?\\b`))) {
    fragments.maxDrawdownPerSecurity = null;
    fragments.trailingStop = null;
  }
  if (idea.take(new RegExp(`${REMOVE}(?:portfolio\\s+|account\\s+)?drawdown\\s+(?:limit|stop|cap)s?`))) {
    fragments.maxPortfolioDrawdown = null;
  }
  const trailing = firstPercent(idea, TRAILING);
  if (trailing !== undefined) fragments.trailingStop = checkLimit(trailing, 'trailing stop');
  const perSecurity = firstPercent(idea, [...PER_SECURITY_DRAWDOWN, ...STOP_LOSS]);
  if (perSecurity !== undefined) fragments.maxDrawdownPerSecurity = checkLimit(perSecurity, 'stop loss');
  const portfolio = firstPercent(idea, PORTFOLIO_DRAWDOWN);
  if (portfolio !== undefined)
    fragments.maxPortfolioDrawdown = checkLimit(portfolio, 'portfolio drawdown limit');
  else {
    const unqualified = firstPercent(idea, UNQUALIFIED_DRAWDOWN);
    if (unqualified !== undefined) {
      fragments.maxPortfolioDrawdown = checkLimit(unqualified, 'drawdown limit');
      fragments.notes.push({
        topic: 'Risk',
        text: `a maximum drawdown of ${unqualified * 100}% without "per security" is applied to the whole portfolio.`,
      });
    }
  }
}

/** Weighting ("equal weight", "insight weighted"), risk per trade and, with it, a position cap. */
export function parsePortfolio(idea: IdeaText, fragments: IdeaFragments, context: ParseContext): void {
  const riskPerTrade = firstPercent(idea, RISK_PER_TRADE);
  if (riskPerTrade !== undefined) {
    if (riskPerTrade > 0.2) {
      throw new UserInputError(
        `Risking ${riskPerTrade * 100}% of equity per trade is more than QuantCoder plans for; use 20% or less, for example "1% risk per trade".`,
      );
    }
    fragments.riskPerTrade = riskPerTrade;
  }
  if (idea.take(/\bequal(?:ly)?[- ]?weight(?:s|ed|ing)?\b|\bequal\s+(?:allocation|weights?)\b/)) {
    fragments.weighting = 'equal';
  } else if (
    idea.take(
      /\b(?:insight|signal|score|confidence)[- ]weight(?:s|ed|ing)?\b|\bweight(?:ed)?\s+by\s+(?:the\s+)?(?:signal|insight|confidence|score|strength)(?:\s+strength)?\b/,
    )
  ) {
    fragments.weighting = 'insight';
  }
  // A position cap only exists in the custom risk-per-trade model; otherwise it is left unread, and reported.
  if (context.riskPerTradeActive || fragments.riskPerTrade !== undefined) {
    const cap = firstPercent(idea, POSITION_CAP);
    if (cap !== undefined) fragments.maxPositionWeight = checkLimit(cap, 'position cap');
  }
}
