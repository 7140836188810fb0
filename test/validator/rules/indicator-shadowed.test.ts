import { describe, expect, it } from 'vitest';
import { indicatorShadowedRule } from '../../../functions/validator/rules/indicator-shadowed.js';
import { python, runRule } from './run-rule.js';

function algorithm(...body: string[]) {
  return python('main.py', 'from AlgorithmImports import *', 'class Algorithm(QCAlgorithm):', ...body);
}

describe('indicator-shadowed', () => {
  it('reports an indicator assigned over its helper and the helper called again in a loop', () => {
    // Prepare
    const main = algorithm(
      '    def initialize(self):',
      '        for ticker in ["SPY", "QQQ"]:',
      '            self.rsi = self.rsi(ticker, 14)',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:5:13 error self.rsi = ... replaces QCAlgorithm.rsi, so self.rsi(...) at line 5 calls the assigned value and fails: name the attribute self._rsi',
    ]);
  });

  it('reports a QCAlgorithm method assigned in initialize and called from another method', () => {
    // Prepare
    const main = algorithm(
      '    def initialize(self):',
      '        self.debug = False',
      '        self.sma = self.SMA("SPY", 20)',
      '    def on_data(self, data):',
      '        self.debug("bar")',
      '        fast = self.sma("QQQ", 5)',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:4:9 error self.debug = ... replaces QCAlgorithm.debug, so self.debug(...) at line 7 calls the assigned value and fails: name the attribute self._debug',
      'main.py:5:9 error self.sma = ... replaces QCAlgorithm.sma, so self.sma(...) at line 8 calls the assigned value and fails: name the attribute self._sma',
    ]);
  });

  it('reports a later call in the same method and one in a scheduled lambda', () => {
    // Prepare
    const main = algorithm(
      '    def initialize(self):',
      '        self.ema = self.ema("SPY", 10)',
      '        self.schedule.on(self.date_rules.every_day(), self.time_rules.at(10, 0), lambda: self.history("SPY", 5))',
      '        self.history = []',
      '        slow = self.ema("SPY", 50)',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings.map((finding) => finding.slice(0, finding.indexOf(' error')))).toEqual([
      'main.py:4:9',
      'main.py:6:9',
    ]);
  });

  it('warns about self.rsi = self.rsi(...) even when nothing calls the helper again', () => {
    // Prepare
    const main = algorithm(
      '    def initialize(self):',
      '        self.rsi = self.rsi("SPY", 14)',
      '    def on_data(self, data):',
      '        if self.rsi.is_ready:',
      '            self.plot("RSI", "value", self.rsi.current.value)',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:4:9 warning self.rsi = self.rsi(...) hides the indicator helper: a later self.rsi(...) calls the indicator; name the attribute self._rsi',
    ]);
  });

  it.each([
    [
      'the classic PascalCase pattern',
      ['        self.rsi = self.RSI("SPY", 14)', '        self.symbol = self.AddEquity("SPY").Symbol'],
    ],
    ['a helper called before the assignment in initialize', ['        self.sma = self.sma("SPY", 20)']],
    ['a callable assigned over a method', ['        self.log = self.debug', '        self.log("ready")']],
    ['a name the class defines itself', ['        self.train = 3']],
    [
      'calls in exclusive branches',
      [
        '        if True:',
        '            self.macd = self.macd("SPY", 12, 26, 9)',
        '        else:',
        '            self.macd = self.macd("QQQ", 12, 26, 9)',
      ],
    ],
  ])('accepts %s', (_name, lines) => {
    // Prepare
    const main = algorithm('    def initialize(self):', ...lines, '    def train(self):', '        pass');

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings.filter((finding) => finding.includes(' error '))).toEqual([]);
  });

  it('accepts a helper method that initialize calls before assigning over the name', () => {
    // Prepare
    const main = algorithm(
      '    def initialize(self):',
      '        self.setup()',
      '        self.sma = 0',
      '    def setup(self):',
      '        self.fast = self.sma("SPY", 5)',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves classes that are not algorithms alone', () => {
    // Prepare
    const model = python(
      'alpha.py',
      'from AlgorithmImports import *',
      'class Alpha(AlphaModel):',
      '    def __init__(self):',
      '        self.liquidate = "liquidate"',
      '    def update(self, algorithm, data):',
      '        return self.liquidate()',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [model]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports an indicator made through an algorithm a method receives, then called as the method', () => {
    // Prepare
    const main = algorithm(
      '    def attach(self, algorithm):',
      '        self.debug = algorithm.SMA("SPY", 5)',
      '        self.debug("attached")',
    );

    // Act
    const findings = runRule(indicatorShadowedRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:4:9 error self.debug = ... replaces QCAlgorithm.debug, so self.debug(...) at line 5 calls the assigned value and fails: name the attribute self._debug',
    ]);
  });
});
