import {
  canonicalSector,
  type MorningstarSector,
  SECTOR_ALIASES,
} from '../../agents/coordinator/morningstar-sectors.js';
import type { IdeaFragments, UniverseFragment } from './plan-fragments.js';
import type { IdeaText } from './plan-idea-text.js';
import { withinLimits } from './plan-limits.js';
import { COUNT, parseCount } from './plan-numbers.js';
import { takeTickers } from './plan-tickers.js';

/** Size of a sector universe when the idea gives none. */
export const DEFAULT_SECTOR_SIZE = 50;
/** Size of "large liquid US equities" and similar when the idea gives none. */
export const DEFAULT_LIQUID_SIZE = 100;

const REGION = '(?:us\\s+|u\\.s\\.\\s+|american\\s+)?';
const CAP = '(?:large[- ]?cap\\s+|mega[- ]?cap\\s+)?';
const NOUN = '(?:stocks|equities|companies|names|securities|shares|tickers)';
const RANKED_BY =
  '(?:by|ranked\\s+by|sorted\\s+by|in\\s+terms\\s+of)\\s+(?:average\\s+|daily\\s+|avg\\.?\\s+)*(?:dollar[- ]volume|liquidity|traded\\s+value|trading\\s+volume|volume)';

const SECTOR_WORDS = Object.keys(SECTOR_ALIASES)
  .sort((left, right) => right.length - left.length)
  .map((alias) => alias.replaceAll(' ', '\\s+'))
  .join('|');
const SECTOR_PATTERNS = [
  new RegExp(
    `\\b(?:(?:the\\s+)?(?:top\\s+|largest\\s+|biggest\\s+)?${COUNT}\\s+(?:largest\\s+|biggest\\s+|most\\s+liquid\\s+)?)?${REGION}(${SECTOR_WORDS})\\s+(?:sector\\s+)?(?:${NOUN}|sector)\\b`,
  ),
  new RegExp(`\\b(?:in\\s+)?the\\s+(${SECTOR_WORDS})\\s+sector\\b`),
];

interface IndexProxy {
  pattern: RegExp;
  size: number;
  name: string;
}

const INDEX_PROXIES: IndexProxy[] = [
  {
    pattern: new RegExp(
      `\\b(?:the\\s+)?(?:s\\s*&\\s*p|s\\s+and\\s+p|sp)\\s*-?\\s*500\\b(?:\\s+(?:index|constituents|components|universe|${NOUN}))?|\\bspx\\b|\\bs\\s*&\\s*p\\b(?!\\s*-?\\s*\\d)`,
    ),
    size: 500,
    name: 'the S&P 500',
  },
  {
    pattern: new RegExp(
      `\\b(?:the\\s+)?(?:s\\s*&\\s*p|sp)\\s*-?\\s*100\\b(?:\\s+(?:index|constituents|${NOUN}))?`,
    ),
    size: 100,
    name: 'the S&P 100',
  },
  {
    pattern: new RegExp(`\\b(?:the\\s+)?(?:nasdaq[- ]?100|ndx)\\b(?:\\s+(?:index|constituents|${NOUN}))?`),
    size: 100,
    name: 'the Nasdaq-100',
  },
  {
    pattern: new RegExp(
      `\\b(?:the\\s+)?(?:dow(?:\\s+jones)?(?:\\s+industrial\\s+average|\\s+30|\\s+industrials)?|djia)\\b(?:\\s+${NOUN})?`,
    ),
    size: 30,
    name: 'the Dow Jones Industrial Average',
  },
  {
    pattern: new RegExp(`\\b(?:the\\s+)?russell[- ]?1000\\b(?:\\s+(?:index|constituents|${NOUN}))?`),
    size: 1000,
    name: 'the Russell 1000',
  },
];

const TOP_BY_VOLUME = [
  new RegExp(
    `\\b(?:the\\s+)?(?:top|largest|biggest|highest)\\s+${COUNT}\\s+(?:most\\s+liquid\\s+)?${REGION}${CAP}(?:${NOUN}\\s+)?${RANKED_BY}`,
  ),
  new RegExp(
    `\\b(?:the\\s+)?${COUNT}\\s+most\\s+(?:liquid|traded|actively\\s+traded|active)\\s+${REGION}${CAP}(?:${NOUN})?`,
  ),
  new RegExp(`\\b(?:the\\s+)?(?:top\\s+)?${COUNT}\\s+${REGION}${CAP}${NOUN}\\s+${RANKED_BY}`),
];
const TOP_BY_SIZE = [
  new RegExp(`\\b(?:the\\s+)?(?:top|largest|biggest)\\s+${COUNT}\\s+${REGION}${CAP}${NOUN}\\b`),
  new RegExp(`\\b(?:the\\s+)?${COUNT}\\s+(?:largest|biggest)\\s+${REGION}${NOUN}\\b`),
];
const LIQUID_LARGE = [
  new RegExp(
    `\\b(?:large[- ]?caps?|large[- ]capitali[sz]ation|blue[- ]chips?|mega[- ]?caps?)(?:\\s+${REGION}${NOUN})?`,
  ),
  new RegExp(`\\b(?:large\\s*,?\\s+)?(?:and\\s+)?liquid\\s+${REGION}${NOUN}`),
  new RegExp(`\\blarge\\s+${REGION}${NOUN}`),
  /\b(?:us|u\.s\.|american)\s+(?:stocks|equities|stock\s+market)\b/,
];
const MIN_PRICE = [
  /\b(?:price[ds]?|share\s+price|trading)\s+(?:above|over|greater\s+than|at\s+least|of\s+at\s+least|more\s+than|>=?)\s*\$?\s*(\d+(?:\.\d+)?)/,
  /\b(?:above|over|at\s+least)\s+\$(\d+(?:\.\d+)?)(?!\s*(?:k|m|million|thousand)\b)/,
];
const NO_PENNY_STOCKS = /\b(?:no|exclud\w*|without|avoid\w*|skip\w*|ignor\w*)\s+penny\s+stocks\b/;

function sizeFrom(count: string | undefined): number | undefined {
  if (!count) return undefined;
  return withinLimits(Math.round(parseCount(count)), { min: 1, max: 1000, what: 'A universe size' });
}

function parseSector(idea: IdeaText): UniverseFragment | undefined {
  for (const pattern of SECTOR_PATTERNS) {
    const match = idea.take(pattern);
    if (!match) continue;
    const words = match.length > 2 ? match[2] : match[1];
    const sector: MorningstarSector | undefined = canonicalSector(words ?? '');
    if (!sector) continue;
    return { kind: 'sector', tickers: [], sector, size: match.length > 2 ? sizeFrom(match[1]) : undefined };
  }
  return undefined;
}

function parseRanked(idea: IdeaText, fragments: IdeaFragments): UniverseFragment | undefined {
  for (const proxy of INDEX_PROXIES) {
    if (!idea.take(proxy.pattern)) continue;
    fragments.notes.push({
      topic: 'Universe',
      text: `${proxy.name} is approximated as the ${proxy.size} US equities with the highest dollar volume; index membership is not used.`,
    });
    return { kind: 'top_dollar_volume', tickers: [], size: proxy.size };
  }
  for (const pattern of TOP_BY_VOLUME) {
    const size = sizeFrom(idea.find(pattern)?.[1]);
    if (size !== undefined) {
      idea.take(pattern);
      return { kind: 'top_dollar_volume', tickers: [], size };
    }
  }
  for (const pattern of TOP_BY_SIZE) {
    const size = sizeFrom(idea.find(pattern)?.[1]);
    if (size !== undefined) {
      idea.take(pattern);
      fragments.notes.push({
        topic: 'Universe',
        text: `the largest stocks are ranked by dollar volume, a proxy for size.`,
      });
      return { kind: 'top_dollar_volume', tickers: [], size };
    }
  }
  for (const pattern of LIQUID_LARGE) {
    const match = idea.take(pattern);
    if (!match) continue;
    const written = idea.original.slice(match.index, match.index + match[0].length);
    fragments.notes.push({
      topic: 'Universe',
      text: `"${written}" is read as the ${DEFAULT_LIQUID_SIZE} US equities with the highest dollar volume.`,
    });
    return { kind: 'top_dollar_volume', tickers: [], size: DEFAULT_LIQUID_SIZE };
  }
  return undefined;
}

/** The universe: a sector, an index proxy, the top N by dollar volume, or fixed tickers; and a price floor. */
export function parseUniverse(idea: IdeaText, fragments: IdeaFragments): void {
  for (const pattern of MIN_PRICE) {
    const match = idea.take(pattern);
    if (match?.[1]) {
      fragments.minPrice = Number(match[1]);
      break;
    }
  }
  if (fragments.minPrice === undefined && idea.take(NO_PENNY_STOCKS)) fragments.minPrice = 5;
  const ranked = parseSector(idea) ?? parseRanked(idea, fragments);
  if (ranked) {
    fragments.universe = ranked;
    return;
  }
  const adding = idea.find(/\b(?:add|also\s+trade|include)\b/);
  const tickers = takeTickers(idea);
  if (tickers.length === 0) return;
  if (adding) idea.claim(adding);
  fragments.universe = { kind: 'fixed', tickers, size: tickers.length, addTickers: adding !== undefined };
}
