import { describe, expect, it } from 'vitest';
import { API_RULES, createApiRules } from '../../../functions/validator/api/api-rules.js';
import { loadLeanCatalog } from '../../../functions/validator/catalog/lean-catalog.js';
import { PROJECT_RULES, validateProject } from '../../../functions/validator/index.js';
import { apiFindings, mainPy } from './api-findings.js';

const HEADER = [
  'from AlgorithmImports import *',
  '',
  'class Algo(QCAlgorithm):',
  '    def initialize(self):',
];

/** `line:column severity rule` of each finding in main.py. */
function where(findings: string[]): string[] {
  return findings.map((finding) =>
    finding
      .split(' ')
      .slice(0, 3)
      .join(' ')
      .replace(/^main\.py:/, ''),
  );
}

describe('API_RULES', () => {
  it('have stable kebab-case ids, one-line descriptions, and run with the project rules', () => {
    // Act
    const ids = API_RULES.map((rule) => rule.id);

    // Assess
    expect(ids).toEqual([
      'unknown-algorithm-member',
      'unknown-enum-member',
      'unknown-type-member',
      'naming-form',
      'call-arity',
      'call-keyword',
      'obsolete-member',
      'readonly-property',
      'unknown-attribute',
    ]);
    for (const rule of API_RULES) expect(rule.description).not.toContain('\n');
    for (const rule of API_RULES) expect(PROJECT_RULES).toContain(rule);
  });

  it('load the catalog through the function they are given, once', () => {
    // Prepare
    let loads = 0;
    const rules = createApiRules(() => {
      loads += 1;
      return loadLeanCatalog();
    });
    const files = mainPy(...HEADER, '        self.set_cash(1)');

    // Act
    const first = validateProject(files, { rules });
    const second = validateProject(files, { rules });

    // Assess
    expect(loads).toBe(1);
    expect([...first, ...second]).toEqual([]);
  });
});

describe('typed chains (warnings only)', () => {
  it('warns on an unknown attribute of a value typed through returns_key and type_key', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '        self.fast = self.sma("SPY", 10)',
      '        spy = self.add_equity("SPY").symbol',
      '        if self.portfolio[spy].investd:',
      '            self.debug(self.fast.current.valeu)',
    );

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(where(findings)).toEqual(['7:32 warning unknown-attribute', '8:42 warning unknown-attribute']);
    expect(findings[0]).toContain("did you mean 'invested'");
  });

  it('never flags dynamic types, interface-typed values or values of unknown type', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '        equity = self.add_equity("SPY")',
      '        equity.anything_goes = 1',
      '        self.securities["SPY"].my_flag = True',
      '        model = self.securities["SPY"].buying_power_model',
      '        model.initial_overnight_margin_requirement',
      '        self.history(["SPY"], 5).whatever',
    );

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(findings).toEqual([]);
  });
});

describe('self in a QCAlgorithm subclass', () => {
  it('accepts names the class family defines, stores, or names in hasattr', () => {
    // Prepare
    const files = [
      {
        name: 'main.py',
        content: [
          'from AlgorithmImports import *',
          'from base import Base',
          '',
          'class Algo(Base):',
          '    limit = 3',
          '    def initialize(self):',
          '        self.setup()',
          '        self.counter = 0',
          '        self.helper()',
          '        if hasattr(self, "cache"):',
          '            self.cache.clear()',
          '        run = lambda: self.counter + self.limit + self.shared',
          '',
          '    def helper(self):',
          '        def inner():',
          '            return self.counter',
          '        return inner()',
          '',
        ].join('\n'),
      },
      {
        name: 'base.py',
        content: [
          'from AlgorithmImports import *',
          '',
          'class Base(QCAlgorithm):',
          '    def setup(self):',
          '        self.shared = 1',
          '        self.template_hook()',
          '',
          'class Concrete(Base):',
          '    def template_hook(self):',
          '        pass',
          '',
        ].join('\n'),
      },
    ];

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(findings).toEqual([]);
  });

  it('is an error only when every base is in sight, a warning otherwise', () => {
    // Prepare
    const known = mainPy(...HEADER, '        self.foo()');
    const unknownBase = mainPy(
      'from AlgorithmImports import *',
      'from somewhere import Mixin',
      '',
      'class Algo(QCAlgorithm, Mixin):',
      '    def initialize(self):',
      '        self.foo()',
    );
    const reflection = mainPy(...HEADER, '        setattr(self, "f" + "oo", 1)', '        self.foo()');

    // Act
    const findings = [known, unknownBase, reflection].map((files) => where(apiFindings(files)));

    // Assess
    expect(findings).toEqual([
      ['5:14 error unknown-algorithm-member'],
      ['6:14 warning unknown-algorithm-member'],
      ['6:14 warning unknown-algorithm-member'],
    ]);
  });

  it('checks nothing in a class with __getattr__, in static methods, or through super()', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '        super().initialize()',
      '    def __getattr__(self, name):',
      '        return 0',
      '    def on_data(self, data):',
      '        self.anything()',
      '',
      'class Other(QCAlgorithm):',
      '    @staticmethod',
      '    def helper(value):',
      '        return value.whatever',
    );

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(findings).toEqual([]);
  });

  it('accepts the CLR accessor names pythonnet binds (get_X, set_X, add_X, op_X)', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '        self.get_Time()',
      '        self.portfolio.get_Item("SPY")',
      '        changes = SecurityChanges.op_Addition(None, None)',
      '        self.get_Timee()',
    );

    // Act
    const findings = where(apiFindings(files));

    // Assess
    expect(findings).toEqual(['8:14 error unknown-algorithm-member']);
  });

  it('warns on assigning a read-only property and on obsolete members', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '        self.time = 5',
      '        self.option_chain_provider.get_option_contract_list("SPY", self.time)',
    );

    // Act
    const findings = where(apiFindings(files));

    // Assess
    expect(findings).toEqual(['5:14 warning readonly-property', '6:14 warning obsolete-member']);
  });
});

describe('framework models', () => {
  it('check algorithm.X in a hook like self.X, with the names the algorithm class stores', () => {
    // Prepare
    const files = [
      {
        name: 'main.py',
        content: [
          'from AlgorithmImports import *',
          'from alpha import Alpha',
          '',
          'class Algo(QCAlgorithm):',
          '    def initialize(self):',
          '        self.lookback = 5',
          '        self.add_alpha(Alpha())',
          '',
        ].join('\n'),
      },
      {
        name: 'alpha.py',
        content: [
          'from AlgorithmImports import *',
          '',
          'class Alpha(AlphaModel):',
          '    def update(self, algorithm, data):',
          '        algorithm.debug(str(algorithm.lookback))',
          '        algorithm.sett_holdings("SPY", 1)',
          '        data.barz',
          '        return []',
          '',
          'class Helper:',
          '    def __init__(self, algorithm):',
          '        algorithm.registr_indicator("SPY", None)',
          '',
        ].join('\n'),
      },
    ];

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(where(findings.map((finding) => finding.replace(/^alpha\.py:/, 'main.py:')))).toEqual([
      '6:19 error unknown-algorithm-member',
      '7:14 warning unknown-attribute',
      '12:19 warning unknown-algorithm-member',
    ]);
  });
});

describe('calls', () => {
  it('warn on keywords in the other naming form and on constructors mixing the two', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '        self.AddEquity("SPY", data_normalization_mode=DataNormalizationMode.RAW)',
      '        MovingAverageConvergenceDivergence(fastPeriod=12, slow_period=26, signal_period=9)',
      '        MovingAverageConvergenceDivergence(fast_period=12, slow_period=26, signal_period=9)',
      '        self.history[TradeBar]("SPY", 10)',
      '        RollingWindow[float](5)',
    );

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(where(findings)).toEqual(['5:31 warning call-keyword', '6:44 warning call-keyword']);
    expect(findings[0]).toContain('write dataNormalizationMode= instead of data_normalization_mode=');
  });

  it('check static methods of LEAN types, but not instance methods called through the type', () => {
    // Prepare
    const files = mainPy(...HEADER, '        Symbol.create("SPY")', '        QCAlgorithm.set_cash(self, 1)');

    // Act
    const findings = where(apiFindings(files));

    // Assess
    expect(findings).toEqual(['5:16 error call-arity']);
  });
});

describe('names of LEAN types', () => {
  it('resolve through star imports, explicit imports and aliases, in any function of the module', () => {
    // Prepare
    const files = mainPy(
      'from AlgorithmImports import *',
      'from QuantConnect import Market as M',
      '',
      'def helper():',
      '    return Resolution.DAYLY, M.XYZ',
      '',
      'VALUES = helper()',
    );

    // Act
    const findings = where(apiFindings(files));

    // Assess
    expect(findings).toEqual(['5:23 error unknown-enum-member', '5:32 error unknown-type-member']);
  });

  it('stay LEAN types next to star imports of standard modules whose names are known (datetime, math)', () => {
    // Prepare
    const files = mainPy(
      'from AlgorithmImports import *',
      'from datetime import *',
      'from math import *',
      'Resolution.DAYLY',
    );

    // Act
    const findings = where(apiFindings(files));

    // Assess
    expect(findings).toEqual(['4:12 error unknown-enum-member']);
  });

  it('are not LEAN types once the module binds them, or when a library is star-imported', () => {
    // Prepare
    const rebound = mainPy(
      'from AlgorithmImports import *',
      'class Resolution:',
      '    pass',
      'Resolution.DAYLY',
    );
    const library = mainPy('from AlgorithmImports import *', 'from numpy import *', 'Resolution.DAYLY');
    const parameter = mainPy('from AlgorithmImports import *', 'def f(Market):', '    return Market.XYZ');

    // Act
    const findings = [rebound, library, parameter].map(apiFindings);

    // Assess
    expect(findings).toEqual([[], [], []]);
  });

  it('are left alone in a module with a syntax error (that error is reported instead)', () => {
    // Prepare
    const files = mainPy('from AlgorithmImports import *', 'x = Resolution.DAYLY', 'def broken(:');

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(where(findings)).toEqual(['3:12 error syntax-error']);
  });
});
