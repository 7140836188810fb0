import { describe, expect, it } from 'vitest';
import { historyInOnDataRule } from '../../../functions/validator/rules/history-in-on-data.js';
import { python, runRule } from './run-rule.js';

function onData(...lines: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    '        self.history("SPY", 10)',
    '    def OnData(self, data):',
    ...lines.map((line) => `        ${line}`),
  );
}

describe('history-in-on-data', () => {
  it('warns about a history request that runs on every bar, also inside a loop', () => {
    // Prepare
    const main = onData(
      'closes = self.history("SPY", 20, Resolution.DAILY)',
      'for symbol in self.securities.keys():',
      '    bars = self.History[TradeBar](symbol, 5)',
    );

    // Act
    const findings = runRule(historyInOnDataRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:6:23 warning self.history(...) runs in OnData on every bar: a history request per bar makes the backtest slow; keep a RollingWindow, or request history from a scheduled event or behind a condition',
      'main.py:8:25 warning self.History(...) runs in OnData on every bar: a history request per bar makes the backtest slow; keep a RollingWindow, or request history from a scheduled event or behind a condition',
    ]);
  });

  it('warns about a history request in an alpha model update', () => {
    // Prepare
    const model = python(
      'alpha.py',
      'from AlgorithmImports import *',
      'class Alpha(AlphaModel):',
      '    def update(self, algo, data):',
      '        frame = algo.history(list(data.keys()), 30)',
      '        return []',
    );

    // Act
    const findings = runRule(historyInOnDataRule, [model]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      /^alpha\.py:4:22 warning algo\.history\(\.\.\.\) runs in update on every bar/,
    );
  });

  it.each([
    [['if self.rebalance_due:', '    closes = self.history("SPY", 20)']],
    [['if self.time.hour != 10:', '    return', 'closes = self.history("SPY", 20)']],
    [['closes = self.history("SPY", 20) if self.time.minute == 0 else None']],
    [['self.schedule.on(self.date_rules.today, self.time_rules.now, lambda: self.history("SPY", 5))']],
    [['try:', '    pass', 'except Exception:', '    self.history("SPY", 5)']],
  ])('accepts a guarded request: %j', (lines) => {
    // Act
    const findings = runRule(historyInOnDataRule, [onData(...lines)]);

    // Assess
    expect(findings).toEqual([]);
  });
});
