import { describe, expect, it } from 'vitest';
import { LEAN_CLASS_NAMES } from '../../../functions/agents/coordinator/lean-class-names.js';
import { normalizePlan } from '../../../functions/agents/coordinator/normalize-plan.js';
import { contractFor, Plan } from '../../../functions/agents/plan.js';
import { planFromIdea } from '../../../functions/llm/offline/plan-from-idea.js';
import { UserInputError } from '../../../functions/shared/errors.js';

const DEFAULTS = { startDate: '2019-01-01', endDate: '2024-12-31', cash: 100_000 };

function parameters(plan: Plan, owner: Parameters<typeof contractFor>[1]): Record<string, unknown> {
  const contract = contractFor(plan, owner);
  return Object.fromEntries(
    (contract?.constructorParameters ?? []).map((parameter) => [parameter.name, parameter.value]),
  );
}

const IDEAS = [
  'Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance, 10% trailing stop',
  'momentum on the S&P 500, 20-day lookback, 2% risk per trade',
  '50/200 SMA crossover on SPY and QQQ from 2018 to 2023',
  'EMA 12/26 cross on QQQ, long-short, 1M cash',
  'RSI 14 below 30 buy above 70 sell',
  '55-day breakout on GLD and TLT, weekly rebalance, stop loss 5%',
  'Mean reversion z-score 2.5 on the top 50 by dollar volume, 2019-01-01 to 2021-06-30',
  'trend following with a lookback of 3 months on large liquid US equities, max drawdown 5% per security, max portfolio drawdown 15%, $250k',
  'Bollinger band mean reversion on technology stocks since 2015, insight weighted',
  'Golden cross on AAPL, MSFT, GOOG',
  'Donchian 20 breakout on the 30 largest energy stocks, long-short, rebalance weekly, 250,000 cash',
];

describe('planFromIdea', () => {
  it('reads the momentum idea on the most liquid stocks into exact numbers', () => {
    // Prepare
    const idea = IDEAS[0] ?? '';

    // Act
    const plan = planFromIdea(idea, DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({
      kind: 'momentum',
      lookbackDays: 20,
      rebalance: 'monthly',
      direction: 'long_only',
      topFraction: 0.2,
    });
    expect(plan.universe).toMatchObject({
      kind: 'top_dollar_volume',
      size: 100,
      tickers: [],
      sector: null,
      minPrice: 5,
    });
    expect(plan.risk).toMatchObject({
      trailingStop: 0.1,
      maxDrawdownPerSecurity: null,
      maxPortfolioDrawdown: null,
    });
    expect(plan.portfolio).toMatchObject({ weighting: 'equal', custom: false, riskPerTrade: null });
    expect(plan.backtest).toEqual({
      startDate: '2019-01-01',
      endDate: '2024-12-31',
      cash: 100_000,
      benchmark: 'SPY',
    });
    expect(plan.contract.files.map((file) => [file.file, file.className, file.baseClass])).toEqual([
      ['universe.py', 'TopDollarVolumeUniverseSelectionModel', 'FundamentalUniverseSelectionModel'],
      ['alpha.py', 'MomentumAlphaModel', 'AlphaModel'],
      ['risk.py', 'StopRiskManagementModel', 'RiskManagementModel'],
      ['main.py', 'MomentumTopUsStocksAlgorithm', 'QCAlgorithm'],
    ]);
    expect(parameters(plan, 'alpha')).toEqual({
      lookback_days: 20,
      top_fraction: 0.2,
      long_short: false,
      rebalance: 'monthly',
    });
    expect(parameters(plan, 'universe')).toEqual({ size: 100, min_price: 5, rebalance: 'monthly' });
    expect(parameters(plan, 'risk')).toEqual({ trailing_stop: 0.1 });
    expect(plan.projectName).toBe('momentum-on-top-100-us-stocks-by-dollar-volume');
    expect(plan.notUnderstood).toEqual([]);
    expect(plan.assumptions).toContain(
      'Direction: long-only, since the idea did not ask for short positions.',
    );
  });

  it('approximates the S&P 500 and sizes by risk per trade with a custom portfolio.py', () => {
    // Prepare
    const idea = IDEAS[1] ?? '';

    // Act
    const plan = planFromIdea(idea, DEFAULTS);

    // Assess
    expect(plan.universe).toMatchObject({ kind: 'top_dollar_volume', size: 500 });
    expect(plan.assumptions.some((assumption) => assumption.includes('S&P 500 is approximated'))).toBe(true);
    expect(plan.strategy).toMatchObject({ kind: 'momentum', lookbackDays: 20 });
    expect(plan.portfolio).toEqual(
      expect.objectContaining({
        weighting: 'risk_per_trade',
        custom: true,
        riskPerTrade: 0.02,
        maxPositionWeight: 0.1,
      }),
    );
    expect(plan.risk.maxDrawdownPerSecurity).toBe(0.05);
    expect(plan.contract.files.map((file) => file.file)).toEqual([
      'universe.py',
      'alpha.py',
      'portfolio.py',
      'risk.py',
      'main.py',
    ]);
    expect(contractFor(plan, 'portfolio')).toMatchObject({
      className: 'RiskPerTradePortfolioConstructionModel',
      baseClass: 'PortfolioConstructionModel',
    });
    expect(parameters(plan, 'portfolio')).toEqual({
      risk_per_trade: 0.02,
      stop_distance: 0.05,
      max_position_weight: 0.1,
      long_short: false,
      rebalance: 'monthly',
    });
  });

  it('reads a moving-average crossover on fixed tickers with a year range', () => {
    // Act
    const plan = planFromIdea(IDEAS[2] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({
      kind: 'ma_crossover',
      fastPeriod: 50,
      slowPeriod: 200,
      rebalance: 'daily',
    });
    expect(plan.universe).toMatchObject({ kind: 'fixed', tickers: ['SPY', 'QQQ'], size: 2 });
    expect(plan.backtest).toMatchObject({ startDate: '2018-01-01', endDate: '2023-12-31' });
    expect(contractFor(plan, 'universe')).toMatchObject({
      className: 'FixedTickerUniverseSelectionModel',
      baseClass: 'ManualUniverseSelectionModel',
    });
    expect(parameters(plan, 'universe')).toEqual({ tickers: ['SPY', 'QQQ'] });
    expect(parameters(plan, 'alpha')).toMatchObject({
      fast_period: 50,
      slow_period: 200,
      moving_average_type: 'sma',
    });
    expect(plan.title).toBe('SMA 50/200 Crossover on SPY and QQQ');
    expect(plan.notUnderstood).toEqual([]);
  });

  it('reads an EMA cross, long-short and cash written as 1M', () => {
    // Act
    const plan = planFromIdea(IDEAS[3] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({
      kind: 'ma_crossover',
      fastPeriod: 12,
      slowPeriod: 26,
      direction: 'long_short',
    });
    expect(parameters(plan, 'alpha')).toMatchObject({ moving_average_type: 'ema', long_short: true });
    expect(plan.backtest.cash).toBe(1_000_000);
    expect(plan.universe.tickers).toEqual(['QQQ']);
  });

  it('reads RSI period and levels, defaults the universe to SPY and avoids LEAN’s RsiAlphaModel name', () => {
    // Act
    const plan = planFromIdea(IDEAS[4] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({ kind: 'rsi', rsiPeriod: 14, oversold: 30, overbought: 70 });
    expect(plan.universe.tickers).toEqual(['SPY']);
    expect(plan.assumptions).toContain('Universe: SPY, since the idea named no securities.');
    expect(contractFor(plan, 'alpha')?.className).toBe('RsiReversalAlphaModel');
    expect(parameters(plan, 'alpha')).toMatchObject({ rsi_period: 14, oversold: 30, overbought: 70 });
  });

  it('reads a breakout period, weekly rebalancing and a stop loss as a per-security drawdown', () => {
    // Act
    const plan = planFromIdea(IDEAS[5] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({ kind: 'breakout', lookbackDays: 55, rebalance: 'weekly' });
    expect(plan.universe.tickers).toEqual(['GLD', 'TLT']);
    expect(plan.risk).toMatchObject({ maxDrawdownPerSecurity: 0.05, trailingStop: null });
    expect(contractFor(plan, 'alpha')?.className).toBe('ChannelBreakoutAlphaModel');
  });

  it('reads a z-score, a top-N universe and ISO dates', () => {
    // Act
    const plan = planFromIdea(IDEAS[6] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({ kind: 'mean_reversion', entryZScore: 2.5, lookbackDays: 20 });
    expect(plan.universe).toMatchObject({ kind: 'top_dollar_volume', size: 50 });
    expect(plan.backtest).toMatchObject({ startDate: '2019-01-01', endDate: '2021-06-30' });
  });

  it('reads months as trading days, large liquid equities, two drawdown limits and $250k', () => {
    // Act
    const plan = planFromIdea(IDEAS[7] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({ kind: 'momentum', lookbackDays: 63 });
    expect(plan.universe).toMatchObject({ kind: 'top_dollar_volume', size: 100 });
    expect(plan.assumptions.some((assumption) => assumption.includes('"large liquid US equities"'))).toBe(
      true,
    );
    expect(plan.risk).toMatchObject({
      maxDrawdownPerSecurity: 0.05,
      maxPortfolioDrawdown: 0.15,
      trailingStop: null,
    });
    expect(plan.backtest.cash).toBe(250_000);
    expect(parameters(plan, 'risk')).toEqual({
      max_drawdown_per_security: 0.05,
      max_portfolio_drawdown: 0.15,
    });
  });

  it('reads a sector universe, a start year and insight weighting', () => {
    // Act
    const plan = planFromIdea(IDEAS[8] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy.kind).toBe('mean_reversion');
    expect(plan.universe).toMatchObject({ kind: 'sector', sector: 'Technology', size: 50, minPrice: 5 });
    expect(contractFor(plan, 'universe')).toMatchObject({
      className: 'SectorUniverseSelectionModel',
      baseClass: 'FundamentalUniverseSelectionModel',
    });
    expect(parameters(plan, 'universe')).toMatchObject({ sector: 'Technology', size: 50 });
    expect(plan.backtest).toMatchObject({ startDate: '2015-01-01', endDate: '2024-12-31' });
    expect(plan.portfolio).toMatchObject({ weighting: 'insight', custom: false });
  });

  it('reads a golden cross as 50/200 without assuming periods', () => {
    // Act
    const plan = planFromIdea(IDEAS[9] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({ kind: 'ma_crossover', fastPeriod: 50, slowPeriod: 200 });
    expect(plan.universe.tickers).toEqual(['AAPL', 'MSFT', 'GOOG']);
    expect(plan.assumptions.filter((assumption) => assumption.startsWith('Strategy:'))).toEqual([]);
  });

  it('reads a sized sector, long-short, a Donchian period and written-out cash', () => {
    // Act
    const plan = planFromIdea(IDEAS[10] ?? '', DEFAULTS);

    // Assess
    expect(plan.strategy).toMatchObject({
      kind: 'breakout',
      lookbackDays: 20,
      direction: 'long_short',
      rebalance: 'weekly',
    });
    expect(plan.universe).toMatchObject({ kind: 'sector', sector: 'Energy', size: 30 });
    expect(plan.backtest.cash).toBe(250_000);
  });

  it('puts what it cannot place into notUnderstood, close to the words used', () => {
    // Act
    const plan = planFromIdea('momentum on AAPL, MSFT and NVDA; avoid earnings announcements', DEFAULTS);

    // Assess
    expect(plan.notUnderstood).toEqual(['avoid earnings announcements']);
    expect(plan.universe.tickers).toEqual(['AAPL', 'MSFT', 'NVDA']);
  });

  it('turns "hold the best 2" into a share of the tickers', () => {
    // Act
    const plan = planFromIdea('momentum on AAPL, MSFT, NVDA and AMZN, hold the best 2', DEFAULTS);

    // Assess
    expect(plan.strategy.topFraction).toBe(0.5);
  });

  it('gives plans that parse, are already normal, avoid LEAN class names and are deterministic', () => {
    for (const idea of IDEAS) {
      // Act
      const plan = planFromIdea(idea, DEFAULTS);

      // Assess
      expect(Plan.parse(plan)).toEqual(plan);
      expect(normalizePlan(plan)).toEqual(plan);
      expect(planFromIdea(idea, DEFAULTS)).toEqual(plan);
      expect(plan.projectName).toMatch(/^[a-z][a-z0-9-]{2,48}$/);
      for (const file of plan.contract.files) expect(LEAN_CLASS_NAMES.has(file.className)).toBe(false);
      expect(new Set(plan.contract.files.map((file) => file.className)).size).toBe(
        plan.contract.files.length,
      );
    }
  });

  it('refuses an idea with no strategy family, naming the families and the vendor keys', () => {
    // Act
    const attempt = () => planFromIdea('Buy low and sell high on crypto', DEFAULTS);

    // Assess
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(/momentum, mean reversion, moving-average crossover, RSI, breakout/);
    expect(attempt).toThrow(/ANTHROPIC_API_KEY, OPENAI_API_KEY or MISTRAL_API_KEY/);
  });

  it('refuses dates that end before they start, saying how to write dates', () => {
    // Act
    const attempt = () => planFromIdea('RSI on SPY from 2023 to 2018', DEFAULTS);

    // Assess
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(/YYYY-MM-DD/);
  });

  it('refuses numbers a plan cannot hold, naming the allowed range', () => {
    // Act
    const attempt = () => planFromIdea('RSI 500 on SPY', DEFAULTS);

    // Assess
    expect(attempt).toThrow(UserInputError);
    expect(attempt).toThrow(
      'An RSI period of 500 is outside what QuantCoder plans for; use a value from 1 to 200.',
    );
  });

  it('ends a backtest asked to run past the default end on the default end, and says so', () => {
    // Act
    const plan = planFromIdea('RSI on SPY from 2020 to 2030', DEFAULTS);

    // Assess
    expect(plan.backtest).toMatchObject({ startDate: '2020-01-01', endDate: '2024-12-31' });
    expect(
      plan.assumptions.some((assumption) => assumption.startsWith('Dates: the backtest ends on 2024-12-31')),
    ).toBe(true);
  });
});
