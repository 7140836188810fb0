import { afterAll, describe, expect, it } from 'vitest';
import { contractFor, type Plan } from '../../../../functions/agents/plan.js';
import { writeLeanFile, writeLeanProject } from '../../../../functions/llm/offline/lean-writer/index.js';
import { PLAN_FIXTURES, unknownSectorMeanReversion } from '../../../fixtures/plans.js';
import { catalogFindings } from './catalog-checks.js';
import { fileNamed, fixtureProject } from './generated-projects.js';
import { loadLeanApiExtract } from './lean-api-extract.js';
import { planMatrix } from './plan-matrix.js';
import {
  compilePython,
  pythonFactsOfProjects,
  removeTemporaryProjects,
  writeProjectToTemp,
} from './python-project.js';

function written(plan: Plan, owner: 'universe' | 'alpha' | 'portfolio' | 'risk' | 'strategy'): string {
  const contract = contractFor(plan, owner);
  if (!contract) throw new Error(`plan ${plan.projectName} has no ${owner} contract`);
  return writeLeanFile(plan, contract).code;
}

const INDICATORS: Record<Plan['strategy']['kind'], string[]> = {
  momentum: ['algorithm.roc('],
  mean_reversion: ['algorithm.sma(', 'algorithm.std('],
  ma_crossover: ['algorithm.sma('],
  rsi: ['algorithm.rsi(', 'MovingAverageType.WILDERS'],
  breakout: ['algorithm.max(', 'algorithm.min('],
};

describe('the written strategy code', () => {
  afterAll(() => {
    removeTemporaryProjects();
  });

  it('compiles and passes every catalog check across kinds, directions, cadences, weightings and risk settings', () => {
    // Prepare
    const matrix = planMatrix();
    const projects = matrix.map(([name, plan]) => {
      const files = writeLeanProject(plan);
      const directory = writeProjectToTemp(name, files);
      compilePython(directory, files);
      return { name, directory };
    });
    // Act
    const facts = pythonFactsOfProjects(projects.map((project) => project.directory));
    const extract = loadLeanApiExtract();
    const findings = projects.flatMap((project) =>
      catalogFindings(facts[project.directory] ?? {}, extract).map(
        (finding) => `${project.name}: ${finding.message}`,
      ),
    );
    // Assess
    expect(new Set(matrix.map(([, plan]) => plan.strategy.kind)).size).toBe(5);
    expect(new Set(matrix.map(([, plan]) => plan.portfolio.weighting)).size).toBe(3);
    expect(new Set(matrix.map(([, plan]) => plan.strategy.rebalance)).size).toBe(3);
    expect(findings).toEqual([]);
  });

  it.each(planMatrix())('uses the indicators of its strategy kind in %s', (_name, plan) => {
    const alpha = written(plan, 'alpha');
    for (const expected of INDICATORS[plan.strategy.kind]) expect(alpha).toContain(expected);
    expect(alpha).toContain('algorithm.warm_up_indicator(symbol, indicator, Resolution.DAILY)');
    expect(alpha).toContain('algorithm.deregister_indicator(indicator)');
    expect(alpha).toMatch(/def update\(self, algorithm: QCAlgorithm, data: Slice\) -> list\[Insight\]:/);
    expect(alpha).toMatch(
      /def on_securities_changed\(self, algorithm: QCAlgorithm, changes: SecurityChanges\)/,
    );
  });

  it.each(planMatrix())('honours direction and cadence in %s', (_name, plan) => {
    const alpha = written(plan, 'alpha');
    const main = written(plan, 'strategy');
    const contract = contractFor(plan, 'alpha');
    const carriesDirection = contract?.constructorParameters.some(
      (parameter) => parameter.name === 'long_only',
    );
    // The flag comes from the contract when it has one, else straight from the plan.
    expect(alpha).toContain(
      carriesDirection
        ? 'self._allow_short = not long_only'
        : `self._allow_short = ${plan.strategy.direction === 'long_short' ? 'True' : 'False'}`,
    );
    expect(alpha).toMatch(
      new RegExp(
        `rebalance: str = "${plan.strategy.rebalance}"|self\\._rebalance = "${plan.strategy.rebalance}"`,
      ),
    );
    if (plan.portfolio.weighting !== 'risk_per_trade') {
      const bias =
        plan.strategy.direction === 'long_only'
          ? /PortfolioBias\.LONG\b(?!_)/
          : /PortfolioBias\.LONG_SHORT\b/;
      expect(main).toMatch(bias);
    }
    expect(alpha.includes('weight=weight')).toBe(plan.portfolio.weighting === 'insight');
  });

  it.each(planMatrix())('applies exactly the risk limits the plan sets in %s', (_name, plan) => {
    const risk = written(plan, 'risk');
    expect(risk.includes('unrealized_profit_percent')).toBe(plan.risk.maxDrawdownPerSecurity !== null);
    expect(risk.includes('self._best_prices[symbol] = best')).toBe(plan.risk.trailingStop !== null);
    expect(risk.includes('total_portfolio_value')).toBe(plan.risk.maxPortfolioDrawdown !== null);
    const anyLimit = Object.values(plan.risk).some((value) => typeof value === 'number');
    expect(risk.includes('PortfolioTarget(')).toBe(anyLimit);
  });

  it("sizes risk-per-trade positions by the risk model's stop, or by volatility when there is none", () => {
    // Prepare
    const withStop = PLAN_FIXTURES.crossoverSector as Plan;
    const withoutStop = PLAN_FIXTURES.breakoutVolatilitySized as Plan;
    // Act
    const stopSized = written(withStop, 'portfolio');
    const volatilitySized = written(withoutStop, 'portfolio');
    // Assess
    expect(stopSized).toContain('self._stop_distance = 0.1');
    expect(stopSized).toContain('weight = self._risk_per_trade / distance');
    expect(stopSized).toContain('weight = min(weight, self._max_position_weight)');
    expect(volatilitySized).toContain('algorithm.std(');
    expect(volatilitySized).not.toContain('self._stop_distance = ');
    expect(volatilitySized).toContain('def create_targets(');
  });

  it('selects fixed tickers with Symbol.create and liquid stocks by dollar volume', () => {
    const fixed = written(PLAN_FIXTURES.rsiFixedNoRisk as Plan, 'universe');
    const liquid = written(PLAN_FIXTURES.momentumTopVolume as Plan, 'universe');
    expect(fixed).toContain('Symbol.create(ticker, SecurityType.EQUITY, Market.USA)');
    expect(fixed).toContain('(ManualUniverseSelectionModel):');
    expect(liquid).toContain('(FundamentalUniverseSelectionModel):');
    expect(liquid).toContain(
      'def select(self, algorithm: QCAlgorithm, fundamental: list[Fundamental]) -> list[Symbol]:',
    );
    expect(liquid).toContain('f.has_fundamental_data');
    expect(liquid).toContain('sorted(candidates, key=lambda f: f.dollar_volume, reverse=True)');
    expect(liquid).toContain('return Universe.UNCHANGED');
  });

  it('filters sector universes by Morningstar code, however the sector is spelled', () => {
    const technology = written(PLAN_FIXTURES.crossoverSector as Plan, 'universe');
    const healthcare = written(PLAN_FIXTURES.momentumSectorOddContract as Plan, 'universe');
    expect(technology).toContain('"technology": MorningstarSectorCode.TECHNOLOGY,');
    expect(technology).toContain('f.asset_classification.morningstar_sector_code == self._sector_code');
    expect(healthcare).toContain('self._sector_code = MorningstarSectorCode.HEALTHCARE');
  });

  it('drops the sector filter for a sector LEAN does not know, and says so', () => {
    // Prepare
    const contract = contractFor(unknownSectorMeanReversion, 'universe');
    if (!contract) throw new Error('fixture lacks a universe contract');
    // Act
    const file = writeLeanFile(unknownSectorMeanReversion, contract);
    // Assess
    expect(file.code).not.toContain('morningstar_sector_code');
    expect(file.code).toContain('is not a Morningstar sector LEAN knows');
    expect(file.notes).toContain('Crypto miners');
  });

  it('binds oddly named contract parameters by value and keeps the ones it cannot use', () => {
    const alpha = fileNamed(fixtureProject('momentumSectorOddContract'), 'alpha.py');
    expect(alpha).toContain('self._lookback_days = n');
    expect(alpha).toContain('self._top_fraction = k');
    expect(alpha).toContain('self._label = label');
  });

  it('leaves exits to the alpha when the contract has no risk file', () => {
    const main = fileNamed(fixtureProject('momentumSectorOddContract'), 'main.py');
    expect(main).not.toContain('add_risk_management');
    expect(main).toContain('# The plan has no risk model');
  });
});
