import { type IdeaFragments, rebalanceOf } from './plan-fragments.js';
import type { IdeaText } from './plan-idea-text.js';

const PERIOD_WORD = '(day|week|month|quarter|year)';
const PERIOD_ADVERB = '(daily|weekly|monthly|quarterly|annually|yearly)';
const REBALANCE_VERB = '(?:re-?balanc\\w*|rotat\\w*|reallocat\\w*|reselect\\w*)';

const REBALANCE_PATTERNS = [
  new RegExp(
    `\\b${REBALANCE_VERB}\\s+(?:the\\s+portfolio\\s+)?(?:every|each|once\\s+(?:a|per)|per|at\\s+the\\s+(?:start|end)\\s+of\\s+(?:each|every|the))\\s+${PERIOD_WORD}\\b`,
  ),
  new RegExp(`\\b${REBALANCE_VERB}\\s*(?:the\\s+portfolio\\s+)?[:=]?\\s*${PERIOD_ADVERB}\\b`),
  new RegExp(`\\b${PERIOD_ADVERB}\\s+(?:${REBALANCE_VERB}|rotation|rebalance)`),
  new RegExp(`\\b(?:every|each|once\\s+(?:a|per))\\s+${PERIOD_WORD}\\b`),
  new RegExp(`\\b${PERIOD_ADVERB}\\b`),
];

const LONG_ONLY =
  /\blong[- ]only\b|\bonly\s+long(?:s|\s+positions)?\b|\bno\s+short(?:s|ing|\s+selling)?\b|\bwithout\s+short(?:ing|s)?\b|\blong\s+positions\s+only\b|\bno\s+shorts?\b/;
const LONG_SHORT =
  /\blong\s*[-/]?\s*(?:and\s+)?short\b|\bmarket[- ]neutral\b|\bdollar[- ]neutral\b|\b(?:go|going|goes)\s+short\b|\bsell(?:ing)?\s+short\b|\ballow(?:ing)?\s+short(?:s|ing|\s+selling)?\b|\bshort(?:ing)?\s+(?:the\s+)?(?=bottom|worst|losers|laggards|weakest|overbought)|\bshort(?=\s+(?:when|if|above|below|on|at)\b)/;

/** How often the portfolio rebalances: "monthly rebalance", "rebalance every week", "weekly". */
export function parseRebalance(idea: IdeaText, fragments: IdeaFragments): void {
  for (const pattern of REBALANCE_PATTERNS) {
    const match = idea.take(pattern);
    if (!match?.[1]) continue;
    const { rebalance, note } = rebalanceOf(match[1]);
    fragments.strategy.rebalance = rebalance;
    if (note) fragments.notes.push({ topic: 'Rebalance', text: note });
    return;
  }
}

/** Long-only or long-short. */
export function parseDirection(idea: IdeaText, fragments: IdeaFragments): void {
  if (idea.take(LONG_ONLY)) fragments.strategy.direction = 'long_only';
  else if (idea.take(LONG_SHORT)) fragments.strategy.direction = 'long_short';
}
