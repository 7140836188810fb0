import { describe, expect, it } from 'vitest';
import { LEAN_CONVENTIONS } from '../../functions/agents/lean-conventions.js';
import { renderSharedContext } from '../../functions/agents/shared-context.js';
import { sharedContextText } from '../../functions/llm/model.js';
import { planFromIdea } from '../../functions/llm/offline/plan-from-idea.js';

const DEFAULTS = { startDate: '2019-01-01', endDate: '2024-12-31', cash: 100_000 };
const IDEA =
  'Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance, 10% trailing stop';

describe('renderSharedContext', () => {
  it('teaches the LEAN project layout and the snake_case API', () => {
    // Act
    const blocks = renderSharedContext();

    // Assess
    expect(blocks).toEqual([LEAN_CONVENTIONS]);
    const context = sharedContextText(blocks);
    for (const fact of [
      'main.py',
      'from alpha import MomentumAlphaModel',
      'from AlgorithmImports import *',
      'self.set_start_date(',
      'Resolution.DAILY',
      'InsightDirection.UP',
      'Insight.price(',
      'PortfolioTarget.percent(',
      'def update(self, algorithm, data)',
      'def on_securities_changed(self, algorithm, changes)',
      'def create_targets(self, algorithm, insights)',
      'def manage_risk(self, algorithm, targets)',
      'def select(self, algorithm, fundamental)',
      'No __init__.py, requirements.txt',
      'Never assign over a helper (self.rsi = ...',
    ]) {
      expect(context).toContain(fact);
    }
    expect(context).not.toMatch(/Resolution\.Daily\b|self\.SetStartDate/);
  });

  it('appends the plan’s contract compactly: files, classes, bases, values, shared parameters, dates and cash', () => {
    // Prepare
    const plan = planFromIdea(IDEA, DEFAULTS);

    // Act
    const blocks = renderSharedContext(plan);

    // Assess
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe(LEAN_CONVENTIONS);
    const context = blocks[1] ?? '';
    expect(context).not.toContain('from AlgorithmImports import *');
    expect(context).toContain(
      "universe.py [universe]: class TopDollarVolumeUniverseSelectionModel(FundamentalUniverseSelectionModel); __init__(self, size: int = 100, min_price: float = 5.0, rebalance: str = 'monthly')",
    );
    expect(context).toContain(
      "alpha.py [alpha]: class MomentumAlphaModel(AlphaModel); __init__(self, lookback_days: int = 20, top_fraction: float = 0.2, long_short: bool = False, rebalance: str = 'monthly')",
    );
    expect(context).toContain(
      'risk.py [risk]: class StopRiskManagementModel(RiskManagementModel); __init__(self, trailing_stop: float = 0.1)',
    );
    expect(context).toContain(
      'main.py [strategy]: class MomentumTopUsStocksAlgorithm(QCAlgorithm); no __init__',
    );
    expect(context).toContain("Shared parameters: rebalance = 'monthly'");
    expect(context).toContain('2019-01-01 to 2024-12-31, cash 100000, benchmark SPY');
  });

  it('puts the blocks in the order vendors cache them: the conventions every run shares, then this run’s contract', () => {
    // Prepare
    const first = planFromIdea(IDEA, DEFAULTS);
    const second = planFromIdea('mean reversion on SPY with a 5% stop', DEFAULTS);

    // Act
    const [firstConventions, firstContract] = renderSharedContext(first);
    const [secondConventions, secondContract] = renderSharedContext(second);

    // Assess
    expect(firstConventions).toBe(secondConventions);
    expect(firstContract).not.toBe(secondContract);
    expect(sharedContextText(renderSharedContext(first))).toBe(`${LEAN_CONVENTIONS}\n\n${firstContract}`);
  });

  it('stays within about 2,500 tokens (characters / 4) for a five-file plan', () => {
    // Prepare
    const plan = planFromIdea('momentum on the S&P 500, 20-day lookback, 2% risk per trade', DEFAULTS);

    // Act
    const context = sharedContextText(renderSharedContext(plan));

    // Assess
    expect(plan.contract.files).toHaveLength(5);
    expect(context.length / 4).toBeLessThanOrEqual(2500);
  });
});
