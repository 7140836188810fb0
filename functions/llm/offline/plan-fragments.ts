import type { MovingAverageType } from '../../agents/coordinator/contract-builder.js';
import type { MorningstarSector } from '../../agents/coordinator/morningstar-sectors.js';
import type { Rebalance, StrategyKind, StrategySpec, UniverseSpec } from '../../agents/plan.js';

/** What an assumption is about; a refinement that touches a topic replaces its earlier assumptions. */
export type Topic =
  | 'Strategy'
  | 'Universe'
  | 'Direction'
  | 'Rebalance'
  | 'Portfolio'
  | 'Risk'
  | 'Dates'
  | 'Cash'
  | 'Benchmark';

export interface TopicNote {
  topic: Topic;
  text: string;
}

/** `Topic: text`, the form assumptions take in a plan. */
export function renderNote(note: TopicNote): string {
  return `${note.topic}: ${note.text}`;
}

/** The topic an assumption written by renderNote is about. */
export function topicOf(assumption: string): string {
  return assumption.split(':', 1)[0] ?? '';
}

export interface UniverseFragment {
  kind: UniverseSpec['kind'];
  tickers: string[];
  /** Set only when the idea gives a number (or an index implies one). */
  size?: number;
  sector?: MorningstarSector;
  /** "add AAPL": extend the earlier fixed universe rather than replace it. */
  addTickers?: boolean;
}

/** A stop or limit the idea sets (a fraction), or removes (null). */
export type RiskLimit = number | null;

/** Everything the offline planner recognised in an idea, before defaults are applied. */
export interface IdeaFragments {
  /** Strategy families mentioned, in order of mention. */
  families: StrategyKind[];
  /** The family the plan uses (the most specific one mentioned). */
  family?: StrategyKind;
  strategy: Partial<
    Pick<
      StrategySpec,
      | 'lookbackDays'
      | 'fastPeriod'
      | 'slowPeriod'
      | 'rsiPeriod'
      | 'oversold'
      | 'overbought'
      | 'entryZScore'
      | 'topFraction'
      | 'direction'
      | 'rebalance'
    >
  >;
  movingAverageType?: MovingAverageType;
  /** "hold the top 10": a count, turned into topFraction once the universe size is known. */
  topCount?: number;
  universe?: UniverseFragment;
  minPrice?: number;
  weighting?: 'equal' | 'insight';
  riskPerTrade?: number;
  maxPositionWeight?: number;
  maxDrawdownPerSecurity?: RiskLimit;
  trailingStop?: RiskLimit;
  maxPortfolioDrawdown?: RiskLimit;
  startDate?: string;
  endDate?: string;
  cash?: number;
  benchmark?: string;
  /** Choices the parser made while reading (an index approximated, a date clamped). */
  notes: TopicNote[];
}

/** What parsers need besides the text. */
export interface ParseContext {
  /** The end of the default backtest window: "since 2015" runs to it, later ends are clamped to it. */
  defaultEndDate: string;
  /** True when the plan sizes by risk per trade, so a position cap means something. */
  riskPerTradeActive: boolean;
}

export function emptyFragments(): IdeaFragments {
  return { families: [], strategy: {}, notes: [] };
}

/** Rebalance words to the plan's rebalance, with a note when the word asks for something not offered. */
export function rebalanceOf(word: string): { rebalance: Rebalance; note?: string } {
  if (/^(?:day|daily)/.test(word)) return { rebalance: 'daily' };
  if (/^week/.test(word)) return { rebalance: 'weekly' };
  if (/^month/.test(word)) return { rebalance: 'monthly' };
  const asked = /^quarter/.test(word) ? 'quarterly' : 'yearly';
  return {
    rebalance: 'monthly',
    note: `${asked} rebalancing is not offered, so the portfolio rebalances monthly.`,
  };
}
