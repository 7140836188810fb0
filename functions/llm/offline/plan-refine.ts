import {
  contractFor,
  type Plan,
  type PortfolioSpec,
  type StrategySpec,
  type UniverseSpec,
} from '../../agents/plan.js';
import type { PlanDefaults } from '../../agents/tasks.js';
import { UserInputError } from '../../shared/errors.js';
import { assemblePlan } from './plan-assemble.js';
import {
  applyStrategyNumbers,
  DEFAULT_MIN_PRICE,
  DEFAULT_POSITION_CAP,
  DEFAULT_SELECTION_NOTE,
  defaultTopFraction,
  strategyFor,
  topFractionOf,
  USUAL_PACE,
  withSizingStop,
} from './plan-build.js';
import type { OfflineSpecs } from './plan-describe.js';
import { type IdeaFragments, renderNote, type Topic, type TopicNote, topicOf } from './plan-fragments.js';
import { IdeaText } from './plan-idea-text.js';
import { parseIdea } from './plan-parse.js';

/** Words of change requests that carry no meaning of their own. */
const INSTRUCTION_FILLER = new Set([
  'instead',
  'rather',
  'it',
  'make',
  'switch',
  'change',
  'use',
  'set',
  'now',
]);

const REFINEMENT_EXAMPLES =
  '"make it long-only", "go long-short", "add a 5% stop", "use a 50-day lookback", "rebalance weekly", "trade QQQ instead", "only technology stocks", "start in 2015"';

/** The topics an instruction touches; their earlier assumptions no longer hold. */
function touchedTopics(fragments: IdeaFragments): Set<Topic> {
  const topics = new Set<Topic>(fragments.notes.map((note) => note.topic));
  const { direction, rebalance, ...numbers } = fragments.strategy;
  if (fragments.family || fragments.topCount !== undefined || fragments.movingAverageType)
    topics.add('Strategy');
  if (Object.values(numbers).some((value) => value !== undefined)) topics.add('Strategy');
  if (direction) topics.add('Direction');
  if (rebalance) topics.add('Rebalance');
  if (fragments.universe || fragments.minPrice !== undefined) topics.add('Universe');
  if (
    fragments.weighting ||
    fragments.riskPerTrade !== undefined ||
    fragments.maxPositionWeight !== undefined
  ) {
    topics.add('Portfolio');
  }
  const limits = [fragments.maxDrawdownPerSecurity, fragments.trailingStop, fragments.maxPortfolioDrawdown];
  if (limits.some((limit) => limit !== undefined) || fragments.riskPerTrade !== undefined) topics.add('Risk');
  if (fragments.startDate || fragments.endDate) topics.add('Dates');
  if (fragments.cash !== undefined) topics.add('Cash');
  if (fragments.benchmark) topics.add('Benchmark');
  return topics;
}

function refineUniverse(previous: UniverseSpec, fragments: IdeaFragments, notes: TopicNote[]): UniverseSpec {
  const fragment = fragments.universe;
  const ranked = previous.kind !== 'fixed';
  if (!fragment)
    return fragments.minPrice !== undefined && ranked
      ? { ...previous, minPrice: fragments.minPrice }
      : previous;
  if (fragment.kind === 'fixed') {
    const tickers =
      fragment.addTickers && previous.kind === 'fixed'
        ? [...new Set([...previous.tickers, ...fragment.tickers])]
        : fragment.tickers;
    return { kind: 'fixed', tickers, size: tickers.length, sector: null, minPrice: 0, description: '' };
  }
  const size = fragment.size ?? (ranked ? previous.size : 50);
  if (fragment.size === undefined) {
    notes.push({
      topic: 'Universe',
      text: `${size} stocks, ${ranked ? 'as before' : 'since the change gave no number'}.`,
    });
  }
  const minPrice = fragments.minPrice ?? (ranked ? previous.minPrice : DEFAULT_MIN_PRICE);
  return {
    kind: fragment.kind,
    tickers: [],
    size,
    sector: fragment.sector ?? null,
    minPrice,
    description: '',
  };
}

function refinePortfolio(
  previous: PortfolioSpec,
  fragments: IdeaFragments,
  notes: TopicNote[],
): PortfolioSpec {
  if (fragments.riskPerTrade !== undefined) {
    const wasSized = previous.weighting === 'risk_per_trade';
    const cap = fragments.maxPositionWeight ?? (wasSized ? previous.maxPositionWeight : DEFAULT_POSITION_CAP);
    if (fragments.maxPositionWeight === undefined && !wasSized) {
      notes.push({
        topic: 'Portfolio',
        text: `at most ${DEFAULT_POSITION_CAP * 100}% of equity in one position.`,
      });
    }
    return {
      weighting: 'risk_per_trade',
      custom: true,
      riskPerTrade: fragments.riskPerTrade,
      maxPositionWeight: cap,
      description: '',
    };
  }
  if (fragments.weighting) {
    return {
      weighting: fragments.weighting,
      custom: false,
      riskPerTrade: null,
      maxPositionWeight: 1,
      description: '',
    };
  }
  return fragments.maxPositionWeight === undefined
    ? previous
    : { ...previous, maxPositionWeight: fragments.maxPositionWeight };
}

function refineStrategy(
  previous: Plan,
  fragments: IdeaFragments,
  universe: UniverseSpec,
  record: { notes: TopicNote[]; replaced: string[] },
): StrategySpec {
  const family = fragments.family ?? previous.strategy.kind;
  if (family !== previous.strategy.kind) {
    // A rebalance pace that was only the old family's default gives way to the new family's.
    const defaultedPace = previous.assumptions.some(
      (assumption) => topicOf(assumption) === 'Rebalance' && assumption.includes(USUAL_PACE),
    );
    if (defaultedPace) record.replaced.push('Rebalance:');
    const base = {
      direction: previous.strategy.direction,
      rebalance: defaultedPace ? undefined : previous.strategy.rebalance,
    };
    return strategyFor(family, fragments, { base, universeSize: universe.size }, record.notes);
  }
  let strategy = applyStrategyNumbers(previous.strategy, fragments);
  if (fragments.topCount !== undefined) {
    strategy = { ...strategy, topFraction: topFractionOf(fragments.topCount, universe.size) };
  }
  const selectionWasDefault = previous.assumptions.some((assumption) =>
    assumption.startsWith(DEFAULT_SELECTION_NOTE),
  );
  const selectionGiven = fragments.strategy.topFraction !== undefined || fragments.topCount !== undefined;
  if (family === 'momentum' && fragments.universe && selectionWasDefault && !selectionGiven) {
    const topFraction = defaultTopFraction(universe.size);
    record.replaced.push(DEFAULT_SELECTION_NOTE);
    record.notes.push({
      topic: 'Strategy',
      text: `the top ${topFraction * 100}% of the universe by momentum is held.`,
    });
    strategy = { ...strategy, topFraction };
  }
  return strategy;
}

function previousMovingAverageType(previous: Plan): 'sma' | 'ema' {
  const value = contractFor(previous, 'alpha')?.constructorParameters.find(
    (parameter) => parameter.name === 'moving_average_type',
  )?.value;
  return value === 'ema' ? 'ema' : 'sma';
}

/** Applies a change request ("go long-short", "trade QQQ instead") to an earlier plan; the rest stays. */
export function refinePlan(instruction: string, defaults: PlanDefaults, previous: Plan): Plan {
  const text = new IdeaText(instruction);
  const fragments = parseIdea(text, {
    defaultEndDate: defaults.endDate,
    riskPerTradeActive: previous.portfolio.weighting === 'risk_per_trade',
  });
  const topics = touchedTopics(fragments);
  if (topics.size === 0) {
    throw new UserInputError(
      `QuantCoder's offline planner could not find a change it knows in "${instruction.trim().slice(0, 200)}". It understands changes such as ${REFINEMENT_EXAMPLES}. Set a model vendor key (ANTHROPIC_API_KEY, OPENAI_API_KEY or MISTRAL_API_KEY) to have a real model apply free-form changes.`,
    );
  }
  const notes: TopicNote[] = [...fragments.notes];
  // Earlier assumptions that this change makes false, by their opening words.
  const replaced: string[] = [];
  const universe = refineUniverse(previous.universe, fragments, notes);
  const strategy = refineStrategy(previous, fragments, universe, { notes, replaced });
  const risk = {
    ...previous.risk,
    ...(fragments.maxDrawdownPerSecurity !== undefined && {
      maxDrawdownPerSecurity: fragments.maxDrawdownPerSecurity,
    }),
    ...(fragments.trailingStop !== undefined && { trailingStop: fragments.trailingStop }),
    ...(fragments.maxPortfolioDrawdown !== undefined && {
      maxPortfolioDrawdown: fragments.maxPortfolioDrawdown,
    }),
  };
  const backtest = {
    startDate: fragments.startDate ?? previous.backtest.startDate,
    endDate: fragments.endDate ?? previous.backtest.endDate,
    cash: fragments.cash ?? previous.backtest.cash,
    benchmark: fragments.benchmark ?? previous.backtest.benchmark,
  };
  if (
    topics.has('Risk') &&
    Object.values(risk).every((limit) => limit === null || typeof limit === 'string')
  ) {
    notes.push({
      topic: 'Risk',
      text: 'no stop or drawdown limit remains, so risk.py lets targets through.',
    });
  }
  const portfolio = refinePortfolio(previous.portfolio, fragments, notes);
  const specs: OfflineSpecs = withSizingStop({ strategy, universe, portfolio, risk, backtest }, notes);
  const touched: ReadonlySet<string> = topics;
  const kept = previous.assumptions.filter(
    (assumption) =>
      !touched.has(topicOf(assumption)) && !replaced.some((opening) => assumption.startsWith(opening)),
  );
  return assemblePlan({
    specs,
    movingAverageType: fragments.movingAverageType ?? previousMovingAverageType(previous),
    assumptions: [...kept, ...notes.map(renderNote)],
    notUnderstood: text.leftovers(INSTRUCTION_FILLER),
    previous,
  });
}
