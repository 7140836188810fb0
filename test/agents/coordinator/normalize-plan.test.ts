import { describe, expect, it } from 'vitest';
import { normalizePlan } from '../../../functions/agents/coordinator/normalize-plan.js';
import { contractFor, type Plan } from '../../../functions/agents/plan.js';
import { planFromIdea } from '../../../functions/llm/offline/plan-from-idea.js';
import { UserInputError } from '../../../functions/shared/errors.js';

const DEFAULTS = { startDate: '2019-01-01', endDate: '2024-12-31', cash: 100_000 };

function basePlan(): Plan {
  return structuredClone(
    planFromIdea('Momentum on the 100 most liquid US stocks, 20-day lookback', DEFAULTS),
  );
}

describe('normalizePlan', () => {
  it('keeps exactly one file per owner on its own file name, dropping extras and portfolio.py when not custom', () => {
    // Prepare
    const plan = basePlan();
    const [universe, alpha, risk, strategy] = plan.contract.files;
    if (!universe || !alpha || !risk || !strategy) throw new Error('fixture plan lacks files');
    plan.contract.files = [
      { ...alpha, file: 'alpha_model.py' },
      { ...universe },
      { ...universe, className: 'SecondUniverse' },
      {
        ...risk,
        file: 'helpers.py',
        owner: 'portfolio',
        className: 'Helper',
        baseClass: 'PortfolioConstructionModel',
      },
      { ...risk },
      { ...strategy, file: 'algorithm.py', baseClass: 'QCAlgorithmFramework' },
    ];

    // Act
    const normalized = normalizePlan(plan);

    // Assess
    expect(normalized.contract.files.map((file) => [file.owner, file.file, file.className])).toEqual([
      ['universe', 'universe.py', 'TopDollarVolumeUniverseSelectionModel'],
      ['alpha', 'alpha.py', 'MomentumAlphaModel'],
      ['risk', 'risk.py', 'StopRiskManagementModel'],
      ['strategy', 'main.py', strategy.className],
    ]);
    expect(contractFor(normalized, 'strategy')?.baseClass).toBe('QCAlgorithm');
  });

  it('adds portfolio.py for risk-per-trade sizing, with a default risk and a stop it needs', () => {
    // Prepare
    const plan = basePlan();
    plan.portfolio = { ...plan.portfolio, weighting: 'risk_per_trade', custom: false, riskPerTrade: null };
    plan.risk = {
      maxDrawdownPerSecurity: null,
      trailingStop: null,
      maxPortfolioDrawdown: null,
      description: '',
    };

    // Act
    const normalized = normalizePlan(plan);

    // Assess
    expect(normalized.portfolio).toMatchObject({ custom: true, riskPerTrade: 0.01 });
    expect(normalized.risk.maxDrawdownPerSecurity).toBe(0.05);
    expect(contractFor(normalized, 'portfolio')).toMatchObject({
      file: 'portfolio.py',
      className: 'RiskPerTradePortfolioConstructionModel',
      baseClass: 'PortfolioConstructionModel',
    });
    expect(normalized.contract.files.map((file) => file.file)).toEqual([
      'universe.py',
      'alpha.py',
      'portfolio.py',
      'risk.py',
      'main.py',
    ]);
    expect(
      normalized.assumptions.some((assumption) =>
        assumption.startsWith('Portfolio: risk per trade was not given'),
      ),
    ).toBe(true);
  });

  it('clears riskPerTrade and custom when the weighting is not risk per trade', () => {
    // Prepare
    const plan = basePlan();
    plan.portfolio = { ...plan.portfolio, weighting: 'insight', custom: true, riskPerTrade: 0.02 };

    // Act
    const normalized = normalizePlan(plan);

    // Assess
    expect(normalized.portfolio).toMatchObject({ weighting: 'insight', custom: false, riskPerTrade: null });
    expect(contractFor(normalized, 'portfolio')).toBeUndefined();
  });

  it('refuses a backtest that ends before it starts, telling how to write dates', () => {
    // Prepare
    const plan = basePlan();
    plan.backtest = { ...plan.backtest, startDate: '2023-01-01', endDate: '2020-01-01' };

    // Act
    const attempt = () => normalizePlan(plan);

    // Assess
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(/2023-01-01 to 2020-01-01.*YYYY-MM-DD/);
  });

  it('refuses a date that is not on the calendar', () => {
    // Prepare
    const plan = basePlan();
    plan.backtest = { ...plan.backtest, endDate: '2023-02-30' };

    // Act
    const attempt = () => normalizePlan(plan);

    // Assess
    expect(attempt).toThrow(/2023-02-30 is not a calendar date/);
  });

  it('renames classes that would shadow LEAN’s and classes that share a name', () => {
    // Prepare
    const plan = basePlan();
    plan.contract.files = plan.contract.files.map((file) =>
      file.owner === 'alpha'
        ? { ...file, className: 'RsiAlphaModel' }
        : file.owner === 'risk'
          ? { ...file, className: 'SharedName' }
          : file.owner === 'universe'
            ? { ...file, className: 'SharedName' }
            : file,
    );

    // Act
    const normalized = normalizePlan(plan);

    // Assess
    expect(contractFor(normalized, 'alpha')?.className).toBe('CustomRsiAlphaModel');
    expect(contractFor(normalized, 'universe')?.className).toBe('SharedName');
    expect(contractFor(normalized, 'risk')?.className).toBe('SharedNameRisk');
  });

  it('rebuilds an entry written on the wrong base class, keeping its name', () => {
    // Prepare
    const plan = basePlan();
    plan.contract.files = plan.contract.files.map((file) =>
      file.owner === 'universe'
        ? {
            ...file,
            className: 'LiquidUniverse',
            baseClass: 'ManualUniverseSelectionModel',
            constructorParameters: [],
          }
        : file,
    );

    // Act
    const normalized = normalizePlan(plan);

    // Assess
    expect(contractFor(normalized, 'universe')).toMatchObject({
      className: 'LiquidUniverse',
      baseClass: 'FundamentalUniverseSelectionModel',
    });
    expect(
      contractFor(normalized, 'universe')?.constructorParameters.map((parameter) => parameter.name),
    ).toEqual(['size', 'min_price', 'rebalance']);
  });

  it('maps sector names to Morningstar sectors and falls back to dollar volume for unknown ones', () => {
    // Prepare
    const known = basePlan();
    known.universe = { ...known.universe, kind: 'sector', sector: 'Information Technology' };
    const unknown = basePlan();
    unknown.universe = { ...unknown.universe, kind: 'sector', sector: 'Crypto Miners' };

    // Act
    const mapped = normalizePlan(known);
    const fallback = normalizePlan(unknown);

    // Assess
    expect(mapped.universe.sector).toBe('Technology');
    expect(fallback.universe).toMatchObject({ kind: 'top_dollar_volume', sector: null });
    expect(fallback.notUnderstood).toContain('sector "Crypto Miners"');
  });

  it('gives a fixed universe tickers and a matching size, and orders periods and RSI levels', () => {
    // Prepare
    const plan = basePlan();
    plan.universe = { ...plan.universe, kind: 'fixed', tickers: ['spy', 'SPY'], size: 40 };
    plan.strategy = {
      ...plan.strategy,
      kind: 'ma_crossover',
      fastPeriod: 200,
      slowPeriod: 50,
      oversold: 80,
      overbought: 20,
    };

    // Act
    const normalized = normalizePlan(plan);

    // Assess
    expect(normalized.universe).toMatchObject({ tickers: ['SPY'], size: 1, sector: null });
    expect(normalized.strategy).toMatchObject({
      fastPeriod: 50,
      slowPeriod: 200,
      oversold: 20,
      overbought: 80,
    });
    expect(contractFor(normalized, 'universe')?.baseClass).toBe('ManualUniverseSelectionModel');
  });

  it('changes nothing more when applied twice', () => {
    // Prepare
    const plan = basePlan();
    plan.portfolio = { ...plan.portfolio, weighting: 'risk_per_trade', riskPerTrade: null };
    plan.universe = { ...plan.universe, kind: 'sector', sector: 'health care' };

    // Act
    const once = normalizePlan(plan);
    const twice = normalizePlan(once);

    // Assess
    expect(twice).toEqual(once);
  });
});
