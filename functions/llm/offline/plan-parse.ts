import { emptyFragments, type IdeaFragments, type ParseContext } from './plan-fragments.js';
import type { IdeaText } from './plan-idea-text.js';
import { parseBenchmark, parseCash, parseDates } from './plan-parse-backtest.js';
import { parsePortfolio, parseRisk } from './plan-parse-risk.js';
import { parseDirection, parseRebalance } from './plan-parse-schedule.js';
import { parseStrategy } from './plan-parse-strategy.js';
import { parseUniverse } from './plan-parse-universe.js';

/**
 * Reads every fragment the offline planner understands out of an idea. Order matters: dates and
 * percentages are claimed first so that later recognisers do not read years or stops as periods.
 */
export function parseIdea(idea: IdeaText, context: ParseContext): IdeaFragments {
  const fragments = emptyFragments();
  parseDates(idea, fragments, context);
  parseRisk(idea, fragments);
  parsePortfolio(idea, fragments, context);
  parseCash(idea, fragments);
  parseBenchmark(idea, fragments);
  parseUniverse(idea, fragments);
  parseRebalance(idea, fragments);
  parseDirection(idea, fragments);
  parseStrategy(idea, fragments);
  return fragments;
}
