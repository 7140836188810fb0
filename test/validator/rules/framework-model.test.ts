import { describe, expect, it } from 'vitest';
import { frameworkModelRule } from '../../../functions/validator/rules/framework-model.js';
import { python, runRule } from './run-rule.js';

function algorithmWith(...lines: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'from models import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    ...lines.map((line) => `        ${line}`),
  );
}

describe('framework-model', () => {
  it('accepts models deriving from the base their setter expects, LEAN models and duck-typed models', () => {
    // Prepare
    const models = python(
      'models.py',
      'from AlgorithmImports import *',
      'class MyAlpha(AlphaModel):',
      '    def update(self, algorithm, data):',
      '        return []',
      'class DuckAlpha:',
      '    def Update(self, algorithm, data):',
      '        return []',
      '    def OnSecuritiesChanged(self, algorithm, changes):',
      '        pass',
      'class MyRisk(TrailingStopRiskManagementModel):',
      '    pass',
    );
    const main = algorithmWith(
      'self.set_alpha(MyAlpha())',
      'self.add_alpha(DuckAlpha())',
      'self.add_risk_management(MyRisk(0.1))',
      'self.SetPortfolioConstruction(EqualWeightingPortfolioConstructionModel())',
      'self.set_universe_selection(ManualUniverseSelectionModel([]))',
    );

    // Act
    const findings = runRule(frameworkModelRule, [main, models]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a model passed to the setter of another family', () => {
    // Prepare
    const models = python(
      'models.py',
      'from AlgorithmImports import *',
      'class MyRisk(RiskManagementModel):',
      '    def manage_risk(self, algorithm, targets):',
      '        return []',
    );
    const main = algorithmWith(
      'self.set_alpha(MyRisk())',
      'self.set_execution(EqualWeightingPortfolioConstructionModel())',
    );

    // Act
    const findings = runRule(frameworkModelRule, [main, models]);

    // Assess
    expect(findings).toEqual([
      'main.py:5:24 error set_alpha takes an AlphaModel, but MyRisk is a RiskManagementModel: pass it to the matching setter or derive it from AlphaModel',
      'main.py:6:28 error set_execution takes an ExecutionModel, but EqualWeightingPortfolioConstructionModel is a PortfolioConstructionModel: pass it to the matching setter or derive it from ExecutionModel',
    ]);
  });

  it('reports a plain class without the hook LEAN calls', () => {
    // Prepare
    const models = python('models.py', 'class Signals:', '    def compute(self):', '        return []');
    const main = algorithmWith('self.SetAlpha(Signals())');

    // Act
    const findings = runRule(frameworkModelRule, [main, models]);

    // Assess
    expect(findings).toEqual([
      'main.py:5:23 error SetAlpha takes an AlphaModel, but Signals neither derives from AlphaModel nor defines update: LEAN cannot call it',
    ]);
  });

  it.each([
    ['AlphaModel', 'update'],
    ['RiskManagementModel', 'manage_risk'],
    ['ExecutionModel', 'execute'],
    ['PortfolioConstructionModel', 'create_targets or determine_target_percent'],
  ])('reports a used %s subclass that implements no %s', (base, hook) => {
    // Prepare
    const models = python(
      'models.py',
      'from AlgorithmImports import *',
      `class Model(${base}):`,
      '    def helper(self):',
      '        pass',
    );
    const main = algorithmWith('model = Model()');

    // Act
    const findings = runRule(frameworkModelRule, [main, models]);

    // Assess
    expect(findings).toEqual([
      `models.py:2:7 error Model derives from ${base} but defines no ${hook}: LEAN's ${base} raises NotImplementedException when it calls it`,
    ]);
  });

  it('accepts an unused or subclassed base model without the hook, and a hook inherited from a project base', () => {
    // Prepare
    const models = python(
      'models.py',
      'from AlgorithmImports import *',
      'class Unused(AlphaModel):',
      '    pass',
      'class Base(AlphaModel):',
      '    pass',
      'class Leaf(Base):',
      '    def Update(self, algorithm, data):',
      '        return []',
      'class Child(Leaf):',
      '    pass',
    );
    const main = algorithmWith('self.add_alpha(Leaf())', 'self.add_alpha(Child())', 'base = Base');

    // Act
    const findings = runRule(frameworkModelRule, [main, models]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('resolves a class name the module defines twice to its later definition, as Python does', () => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import *',
      'class Signals(QCAlgorithm):',
      '    def initialize(self):',
      '        self.set_alpha(Signals())',
      'class Signals(AlphaModel):',
      '    def update(self, algorithm, data):',
      '        return []',
    );

    // Act
    const findings = runRule(frameworkModelRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('stays silent when a base class is out of sight', () => {
    // Prepare
    const models = python(
      'models.py',
      'from AlgorithmImports import *',
      'from vendor import Mixin',
      'class Model(AlphaModel, Mixin):',
      '    pass',
      'class Other(Mixin):',
      '    pass',
    );
    const main = algorithmWith('self.set_alpha(Model())', 'self.set_risk_management(Other())');

    // Act
    const findings = runRule(frameworkModelRule, [main, models]);

    // Assess
    expect(findings).toEqual([]);
  });
});
