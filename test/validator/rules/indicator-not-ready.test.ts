import { describe, expect, it } from 'vitest';
import { indicatorNotReadyRule } from '../../../functions/validator/rules/indicator-not-ready.js';
import { python, runRule } from './run-rule.js';

function algorithm(initialize: string[], onData: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    ...initialize.map((line) => `        ${line}`),
    '    def on_data(self, data):',
    ...onData.map((line) => `        ${line}`),
  );
}

describe('indicator-not-ready', () => {
  it('warns once per indicator whose value is read with no readiness check', () => {
    // Prepare
    const main = algorithm(
      ['self._rsi = self.rsi("SPY", 14)', 'self._bands = self.BB("SPY", 20, 2)'],
      [
        'if self._rsi.current.value < 30:',
        '    self.set_holdings("SPY", 1)',
        'self.plot("RSI", "value", self._rsi.current.value)',
        'self.plot("BB", "upper", self._bands.UpperBand.Current.Value)',
      ],
    );

    // Act
    const findings = runRule(indicatorNotReadyRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:7:12 warning self._rsi.current.value is read without checking self._rsi.is_ready: until the indicator has seen enough data its value is meaningless; check is_ready (or warm up with set_warm_up and skip while is_warming_up)',
      'main.py:10:34 warning self._bands.UpperBand.Current.Value is read without checking self._bands.IsReady: until the indicator has seen enough data its value is meaningless; check IsReady (or warm up with SetWarmUp and skip while IsWarmingUp)',
    ]);
  });

  it('warns about indicators a model builds from the algorithm it receives, and constructed ones', () => {
    // Prepare
    const model = python(
      'symbol_data.py',
      'from AlgorithmImports import *',
      'class SymbolData:',
      '    def __init__(self, algorithm, symbol):',
      '        self.fast = algorithm.ema(symbol, 10)',
      '        self.slow = ExponentialMovingAverage(50)',
      '    def trend(self):',
      '        return self.fast.current.value - self.slow.current.value',
    );

    // Act
    const findings = runRule(indicatorNotReadyRule, [model]);

    // Assess
    expect(findings.map((finding) => finding.split(' warning ')[0])).toEqual([
      'symbol_data.py:7:16',
      'symbol_data.py:7:42',
    ]);
  });

  it.each([
    [
      'an is_ready check in the method',
      ['self._rsi = self.rsi("SPY", 14)'],
      ['if not self._rsi.is_ready:', '    return', 'x = self._rsi.current.value'],
    ],
    [
      'an IsWarmingUp guard in the method',
      ['self._rsi = self.RSI("SPY", 14)'],
      ['if self.IsWarmingUp: return', 'x = self._rsi.Current.Value'],
    ],
    [
      'a warm-up period and an is_warming_up guard elsewhere in the class',
      [
        'self._rsi = self.rsi("SPY", 14)',
        'self.set_warm_up(20)',
        'self.ready = lambda: not self.is_warming_up',
      ],
      ['x = self._rsi.current.value'],
    ],
    [
      'warm_up_indicator',
      ['self._rsi = self.rsi("SPY", 14)', 'self.warm_up_indicator("SPY", self._rsi)'],
      ['x = self._rsi.current.value'],
    ],
    [
      'a readiness property of the class',
      ['self._rsi = self.rsi("SPY", 14)', 'self.ok = self._rsi.is_ready'],
      ['x = self._rsi.current.value'],
    ],
    [
      'values of things that are not indicators',
      ['self._window = RollingWindow[float](5)'],
      ['x = data["SPY"].value'],
    ],
  ])('accepts %s', (_name, initialize, onData) => {
    // Act
    const findings = runRule(indicatorNotReadyRule, [algorithm(initialize, onData)]);

    // Assess
    expect(findings).toEqual([]);
  });
});
