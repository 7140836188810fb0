import { describe, expect, it } from 'vitest';
import { normalizePlan } from '../../../functions/agents/coordinator/normalize-plan.js';
import { contractFor, type Plan } from '../../../functions/agents/plan.js';
import { planFromIdea } from '../../../functions/llm/offline/plan-from-idea.js';
import { UserInputError } from '../../../functions/shared/errors.js';

const DEFAULTS = { startDate: '2019-01-01', endDate: '2024-12-31', cash: 100_000 };

function classNames(plan: Plan): Record<string, string> {
  return Object.fromEntries(plan.contract.files.map((file) => [file.owner, file.className]));
}

describe('planFromIdea with a previous plan', () => {
  const previous = planFromIdea(
    'Momentum on SPY, QQQ and IWM, 20-day lookback, long-short, 10% trailing stop',
    DEFAULTS,
  );

  it('makes a long-short plan long-only and keeps everything else, names included', () => {
    // Act
    const plan = planFromIdea('make it long-only', DEFAULTS, previous);

    // Assess
    expect(previous.strategy.direction).toBe('long_short');
    expect(plan.strategy).toEqual({
      ...previous.strategy,
      direction: 'long_only',
      description: plan.strategy.description,
    });
    expect(plan.universe).toEqual(previous.universe);
    expect(plan.risk).toEqual(previous.risk);
    expect(plan.projectName).toBe(previous.projectName);
    expect(classNames(plan)).toEqual(classNames(previous));
    expect(
      contractFor(plan, 'alpha')?.constructorParameters.find((parameter) => parameter.name === 'long_short')
        ?.value,
    ).toBe(false);
    expect(plan.notUnderstood).toEqual([]);
  });

  it('goes long-short from a long-only plan', () => {
    // Prepare
    const longOnly = planFromIdea('make it long-only', DEFAULTS, previous);

    // Act
    const plan = planFromIdea('go long-short', DEFAULTS, longOnly);

    // Assess
    expect(plan.strategy.direction).toBe('long_short');
  });

  it('adds a 5% stop next to the existing trailing stop', () => {
    // Act
    const plan = planFromIdea('add a 5% stop', DEFAULTS, previous);

    // Assess
    expect(plan.risk).toMatchObject({
      maxDrawdownPerSecurity: 0.05,
      trailingStop: 0.1,
      maxPortfolioDrawdown: null,
    });
    expect(
      contractFor(plan, 'risk')?.constructorParameters.map((parameter) => [parameter.name, parameter.value]),
    ).toEqual([
      ['max_drawdown_per_security', 0.05],
      ['trailing_stop', 0.1],
    ]);
    expect(contractFor(plan, 'risk')?.className).toBe(contractFor(previous, 'risk')?.className);
  });

  it('changes the lookback and the rebalance pace', () => {
    // Act
    const longer = planFromIdea('use a 50-day lookback', DEFAULTS, previous);
    const weekly = planFromIdea('rebalance weekly', DEFAULTS, previous);

    // Assess
    expect(longer.strategy.lookbackDays).toBe(50);
    expect(
      longer.contract.sharedParameters.find((parameter) => parameter.name === 'warm_up_days')?.value,
    ).toBe(51);
    expect(weekly.strategy.rebalance).toBe('weekly');
    expect(weekly.assumptions.some((assumption) => assumption.startsWith('Rebalance:'))).toBe(false);
  });

  it('trades QQQ instead, keeping the class names and the project name', () => {
    // Act
    const plan = planFromIdea('trade QQQ instead', DEFAULTS, previous);

    // Assess
    expect(plan.universe).toMatchObject({ kind: 'fixed', tickers: ['QQQ'], size: 1 });
    expect(plan.title).toBe('Momentum on QQQ');
    expect(plan.projectName).toBe(previous.projectName);
    expect(classNames(plan)).toEqual(classNames(previous));
  });

  it('adds a ticker to a fixed list', () => {
    // Act
    const plan = planFromIdea('add AAPL', DEFAULTS, previous);

    // Assess
    expect(plan.universe.tickers).toEqual(['SPY', 'QQQ', 'IWM', 'AAPL']);
  });

  it('narrows to technology stocks with a sector universe class', () => {
    // Act
    const plan = planFromIdea('only technology stocks', DEFAULTS, previous);

    // Assess
    expect(plan.universe).toMatchObject({ kind: 'sector', sector: 'Technology', size: 50, minPrice: 5 });
    expect(contractFor(plan, 'universe')).toMatchObject({
      className: 'SectorUniverseSelectionModel',
      baseClass: 'FundamentalUniverseSelectionModel',
    });
    expect(plan.strategy.topFraction).toBe(0.2);
    expect(contractFor(plan, 'strategy')?.className).toBe(contractFor(previous, 'strategy')?.className);
  });

  it('moves the start date and keeps the end', () => {
    // Act
    const plan = planFromIdea('start in 2015', DEFAULTS, previous);

    // Assess
    expect(plan.backtest).toEqual({ ...previous.backtest, startDate: '2015-01-01' });
  });

  it('switches to risk-per-trade sizing and adds portfolio.py', () => {
    // Act
    const plan = planFromIdea('risk 1% per trade', DEFAULTS, previous);

    // Assess
    expect(plan.portfolio).toMatchObject({ weighting: 'risk_per_trade', custom: true, riskPerTrade: 0.01 });
    expect(plan.contract.files.map((file) => file.file)).toEqual([
      'universe.py',
      'alpha.py',
      'portfolio.py',
      'risk.py',
      'main.py',
    ]);
    expect(
      contractFor(plan, 'portfolio')?.constructorParameters.find(
        (parameter) => parameter.name === 'stop_distance',
      )?.value,
    ).toBe(0.1);
  });

  it('switches family, writing a new alpha class and the new family’s defaults', () => {
    // Act
    const plan = planFromIdea('switch to RSI', DEFAULTS, previous);

    // Assess
    expect(plan.strategy).toMatchObject({
      kind: 'rsi',
      rsiPeriod: 14,
      oversold: 30,
      overbought: 70,
      direction: 'long_short',
    });
    expect(contractFor(plan, 'alpha')?.className).toBe('RsiReversalAlphaModel');
    expect(contractFor(plan, 'strategy')?.className).toBe(contractFor(previous, 'strategy')?.className);
  });

  it('removes the trailing stop, replacing only the risk assumptions', () => {
    // Act
    const plan = planFromIdea('remove the trailing stop', DEFAULTS, previous);

    // Assess
    expect(plan.risk).toMatchObject({
      trailingStop: null,
      maxDrawdownPerSecurity: null,
      maxPortfolioDrawdown: null,
    });
    expect(contractFor(plan, 'risk')?.constructorParameters).toEqual([]);
    expect(plan.assumptions).toContain(
      'Risk: no stop or drawdown limit remains, so risk.py lets targets through.',
    );
    expect(plan.assumptions.filter((assumption) => !assumption.startsWith('Risk:'))).toEqual(
      previous.assumptions.filter((assumption) => !assumption.startsWith('Risk:')),
    );
  });

  it('gives refined plans that normalisation leaves as they are', () => {
    for (const change of [
      'make it long-only',
      'add a 5% stop',
      'only technology stocks',
      'switch to RSI',
      'risk 1% per trade',
    ]) {
      // Act
      const plan = planFromIdea(change, DEFAULTS, previous);

      // Assess
      expect(normalizePlan(plan)).toEqual(plan);
    }
  });

  it('refuses a change it cannot read, with examples of changes it can', () => {
    // Act
    const attempt = () => planFromIdea('make it purple', DEFAULTS, previous);

    // Assess
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(/"make it long-only"/);
  });
});
