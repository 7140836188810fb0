import { describe, expect, it } from 'vitest';
import { hookSignatureRule } from '../../../functions/validator/rules/hook-signature.js';
import { python, runRule } from './run-rule.js';

function algorithm(...body: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    '        pass',
    ...body,
  );
}

describe('hook-signature', () => {
  it.each([
    ['on_data(self, data)', '    def on_data(self, data):'],
    ['OnData(self, slice)', '    def OnData(self, slice):'],
    ['on_data with *args', '    def on_data(self, *args):'],
    ['on_data with an optional extra parameter', '    def on_data(self, data, extra=None):'],
    ['on_end_of_day(self)', '    def on_end_of_day(self):'],
    ['on_end_of_day(self, symbol)', '    def on_end_of_day(self, symbol):'],
    ['on_order_event(self, order_event)', '    def on_order_event(self, order_event):'],
    ['a helper named like no hook', '    def rebalance(self, a, b, c):'],
  ])('accepts %s', (_name, definition) => {
    // Act
    const findings = runRule(hookSignatureRule, [algorithm(definition, '        pass')]);

    // Assess
    expect(findings).toEqual([]);
  });

  it.each([
    ['on_data without the slice', '    def on_data(self):', 'on_data(self, slice)'],
    [
      'on_securities_changed with the framework signature',
      '    def OnSecuritiesChanged(self, algorithm, changes):',
      'OnSecuritiesChanged(self, changes)',
    ],
    [
      'on_end_of_day with two parameters',
      '    def on_end_of_day(self, symbol, extra):',
      'on_end_of_day(self) or on_end_of_day(self, symbol)',
    ],
    ['on_data without self', '    def on_data(data):', 'on_data(self, slice)'],
  ])('reports %s', (_name, definition, expected) => {
    // Act
    const findings = runRule(hookSignatureRule, [algorithm(definition, '        pass')]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^main\.py:5:9 error LEAN calls QCAlgorithm\./);
    expect(findings[0]).toContain(expected);
  });

  it.each([
    ['AlphaModel', 'def update(self, data):', 'AlphaModel.update as update(self, algorithm, data)'],
    ['AlphaModel', 'def Update(self, algorithm):', 'AlphaModel.Update as Update(self, algorithm, data)'],
    [
      'PortfolioConstructionModel',
      'def create_targets(self, insights):',
      'create_targets(self, algorithm, insights)',
    ],
    [
      'PortfolioConstructionModel',
      'def determine_target_percent(self):',
      'determine_target_percent(self, active_insights)',
    ],
    ['RiskManagementModel', 'def manage_risk(self, targets):', 'manage_risk(self, algorithm, targets)'],
    ['ExecutionModel', 'def execute(self, algorithm, targets, extra):', 'execute(self, algorithm, targets)'],
    [
      'ExecutionModel',
      'def on_securities_changed(self, changes):',
      'on_securities_changed(self, algorithm, changes)',
    ],
    [
      'FundamentalUniverseSelectionModel',
      'def select(self, fundamental):',
      'select(self, algorithm, fundamental)',
    ],
    ['OptionUniverseSelectionModel', 'def filter(self):', 'filter(self, filter)'],
    ['PythonData', 'def reader(self, config, line, date):', 'reader(self, config, line, date, is_live_mode)'],
    ['PythonData', 'def GetSource(self, config, date):', 'GetSource(self, config, date, is_live_mode)'],
    ['PythonIndicator', 'def update(self):', 'update(self, input)'],
  ])('reports a %s hook with the wrong parameters: %s', (base, definition, expected) => {
    // Prepare
    const model = python(
      'model.py',
      'from AlgorithmImports import *',
      `class Model(${base}):`,
      `    ${definition}`,
      '        pass',
      '# the algorithm calls self.register_indicator(symbol, Model())',
    );

    // Act
    const findings = runRule(hookSignatureRule, [model]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^model\.py:3:9 error /);
    expect(findings[0]).toContain(expected);
  });

  it('accepts hooks with the right parameters in both naming forms and through a project base class', () => {
    // Prepare
    const base = python(
      'base.py',
      'from AlgorithmImports import *',
      'class BaseAlpha(AlphaModel):',
      '    pass',
    );
    const model = python(
      'alpha.py',
      'from base import BaseAlpha',
      'class Alpha(BaseAlpha):',
      '    def update(self, algorithm, data):',
      '        return []',
      '    def OnSecuritiesChanged(self, algorithm, changes):',
      '        pass',
    );

    // Act
    const findings = runRule(hookSignatureRule, [base, model]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('checks hooks of classes deriving from LEAN subclasses of a framework base', () => {
    // Prepare
    const model = python(
      'portfolio.py',
      'from AlgorithmImports import *',
      'class Weights(EqualWeightingPortfolioConstructionModel):',
      '    def determine_target_percent(self, algorithm, active_insights):',
      '        return {}',
    );

    // Act
    const findings = runRule(hookSignatureRule, [model]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('determine_target_percent(self, active_insights)');
  });

  it('leaves selector methods of coarse/fine models alone: LEAN calls the selectors passed to the constructor', () => {
    // Prepare
    const model = python(
      'universe.py',
      'from AlgorithmImports import *',
      'class Sector(FineFundamentalUniverseSelectionModel):',
      '    def __init__(self):',
      '        super().__init__(self.SelectCoarse, self.SelectFine)',
      '    def SelectCoarse(self, coarse):',
      '        return []',
      '    def SelectFine(self, fine):',
      '        return []',
    );

    // Act
    const findings = runRule(hookSignatureRule, [model]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves a hook-named method alone when the class hands it out as a callback', () => {
    // Prepare
    const model = python(
      'universe.py',
      'from AlgorithmImports import *',
      'class Liquid(FundamentalUniverseSelectionModel):',
      '    def __init__(self):',
      '        super().__init__(self.select)',
      '    def select(self, fundamental):',
      '        return []',
    );

    // Act
    const findings = runRule(hookSignatureRule, [model]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves helper hooks alone when the class overrides the LEAN hook that calls them', () => {
    // Prepare
    const model = python(
      'portfolio.py',
      'from AlgorithmImports import *',
      'class Weights(PortfolioConstructionModel):',
      '    def DetermineTargetPercent(self, algorithm, insights):',
      '        return {}',
      '    def CreateTargets(self, algorithm, insights):',
      '        percents = self.DetermineTargetPercent(algorithm, insights)',
      '        return []',
      'class Universe(FundamentalUniverseSelectionModel):',
      '    def create_universes(self, algorithm):',
      '        return []',
      '    def select(self, fundamental):',
      '        return []',
    );

    // Act
    const findings = runRule(hookSignatureRule, [model]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves a Python indicator that is only updated by hand alone', () => {
    // Prepare
    const indicator = python(
      'indicator.py',
      'from AlgorithmImports import *',
      'class Spread(PythonIndicator):',
      '    def update(self, time, value):',
      '        return True',
    );

    // Act
    const findings = runRule(hookSignatureRule, [indicator]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves decorated methods and classes of unknown bases alone', () => {
    // Prepare
    const model = python(
      'model.py',
      'from AlgorithmImports import *',
      'from vendor import Mixin',
      'class Model(Mixin):',
      '    def update(self):',
      '        pass',
      'class Other(AlphaModel):',
      '    @staticmethod',
      '    def update(algorithm, data):',
      '        return []',
    );

    // Act
    const findings = runRule(hookSignatureRule, [model]);

    // Assess
    expect(findings).toEqual([]);
  });
});
