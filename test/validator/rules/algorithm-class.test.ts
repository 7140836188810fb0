import { describe, expect, it } from 'vitest';
import { algorithmClassRule } from '../../../functions/validator/rules/algorithm-class.js';
import { MAIN, python, runRule } from './run-rule.js';

describe('algorithm-class', () => {
  it('accepts one QCAlgorithm subclass with initialize', () => {
    // Act
    const findings = runRule(algorithmClassRule, [MAIN]);

    // Assess
    expect(findings).toEqual([]);
  });

  it.each([
    ['QCAlgorithmFramework', 'class Algorithm(QCAlgorithmFramework):', 'def initialize(self):'],
    ['a dotted base', 'class Algorithm(QuantConnect.Algorithm.QCAlgorithm):', 'def initialize(self):'],
    ['PascalCase Initialize', 'class Algorithm(QCAlgorithm):', 'def Initialize(self):'],
  ])('accepts %s', (_name, header, definition) => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import *',
      header,
      `    ${definition}`,
      '        pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('accepts an imported alias of QCAlgorithm', () => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import QCAlgorithm as Base',
      'class Algorithm(Base):',
      '    def initialize(self):',
      '        pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('accepts initialize inherited from a project base class', () => {
    // Prepare
    const base = python(
      'base.py',
      'from AlgorithmImports import *',
      'class BaseAlgorithm(QCAlgorithm):',
      '    def initialize(self):',
      '        self.setup()',
    );
    const main = python(
      'main.py',
      'from base import BaseAlgorithm',
      'class Algorithm(BaseAlgorithm):',
      '    pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main, base]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a main.py without an algorithm class', () => {
    // Prepare
    const main = python('main.py', 'from AlgorithmImports import *', 'class Helper:', '    pass');

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:1:1 error main.py defines no class deriving from QCAlgorithm: LEAN has no algorithm to run',
    ]);
  });

  it('points at an algorithm class main.py imports instead of defining', () => {
    // Prepare
    const strategy = python(
      'strategy.py',
      'from AlgorithmImports import *',
      'class Strategy(QCAlgorithm):',
      '    def initialize(self):',
      '        pass',
    );
    const main = python('main.py', 'from AlgorithmImports import *', 'from strategy import Strategy');

    // Act
    const findings = runRule(algorithmClassRule, [main, strategy]);

    // Assess
    expect(findings).toEqual([
      "main.py:2:22 error main.py imports the algorithm 'Strategy' from strategy.py, but LEAN only runs a QCAlgorithm subclass defined in main.py itself: move the class into main.py",
    ]);
  });

  it('points at a class with initialize that forgot its base', () => {
    // Prepare
    const main = python('main.py', 'class Algorithm:', '    def initialize(self):', '        pass');

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:7 error class 'Algorithm' defines initialize but does not derive from QCAlgorithm: write class Algorithm(QCAlgorithm)",
    ]);
  });

  it('stays silent when the algorithm may derive from a base it cannot see', () => {
    // Prepare
    const main = python(
      'main.py',
      'from vendor_sdk import Strategy',
      'class Algorithm(Strategy):',
      '    pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports every QCAlgorithm subclass besides the one with initialize', () => {
    // Prepare
    const main = python(
      'main.py',
      'class Base(QCAlgorithm):',
      '    pass',
      '',
      'class Algorithm(Base):',
      '    def initialize(self):',
      '        pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:7 error main.py defines another QCAlgorithm subclass 'Base' besides 'Algorithm' (line 4): LEAN needs exactly one",
    ]);
  });

  it('reports an algorithm without initialize at its name', () => {
    // Prepare
    const main = python(
      'main.py',
      'class Algorithm(QCAlgorithm):',
      '    def on_data(self, data):',
      '        pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:7 error algorithm class 'Algorithm' does not define initialize(self): LEAN calls it to set dates, cash and securities",
    ]);
  });

  it.each([
    ['a required parameter', 'def initialize(self, symbol):'],
    ['a required keyword-only parameter', 'def initialize(self, *, symbol):'],
    ['no self', 'def initialize():'],
  ])('reports initialize with %s', (_name, definition) => {
    // Prepare
    const main = python('main.py', 'class Algorithm(QCAlgorithm):', `    ${definition}`, '        pass');

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:2:9 error initialize must take only self: LEAN calls it with no arguments',
    ]);
  });

  it('accepts initialize with optional parameters', () => {
    // Prepare
    const main = python(
      'main.py',
      'class Algorithm(QCAlgorithm):',
      '    def initialize(self, cash=1, *args, **kwargs):',
      '        pass',
    );

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves a main.py with syntax errors to syntax-error', () => {
    // Prepare
    const main = python('main.py', 'class Algorithm(QCAlgorithm)', '    pass');

    // Act
    const findings = runRule(algorithmClassRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });
});
