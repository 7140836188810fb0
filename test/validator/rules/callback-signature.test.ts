import { describe, expect, it } from 'vitest';
import { callbackSignatureRule } from '../../../functions/validator/rules/callback-signature.js';
import { python, runRule } from './run-rule.js';

function algorithm(...lines: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    ...lines.map((line) => `        ${line}`),
    '    def one(self, bar):',
    '        pass',
    '    def two(self, sender, bar):',
    '        pass',
    '    def flexible(self, *args):',
    '        pass',
  );
}

describe('callback-signature', () => {
  it.each([
    [
      'a consolidator event handler taking one argument',
      'consolidator.data_consolidated += self.one',
      'main.py:4:43',
      '2 arguments (sender, data), but one takes (self, bar)',
    ],
    [
      'an indicator Updated handler taking one argument',
      'self.sma_indicator.Updated += self.one',
      'main.py:4:39',
      '2 arguments (sender, data), but one takes (self, bar)',
    ],
    [
      'a consolidate handler taking two arguments',
      'self.consolidate("SPY", Resolution.DAILY, self.two)',
      'main.py:4:51',
      'consolidate callbacks with one argument, but two takes (self, sender, bar)',
    ],
    [
      'a universe selector taking two arguments',
      'self.add_universe(self.one, self.two)',
      'main.py:4:37',
      'add_universe callbacks with one argument',
    ],
    [
      'an option filter taking two arguments',
      'option.set_filter(self.two)',
      'main.py:4:27',
      'set_filter callbacks with one argument',
    ],
  ])('reports %s', (_name, line, where, message) => {
    // Act
    const findings = runRule(callbackSignatureRule, [algorithm(line)]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(new RegExp(`^${where} error LEAN calls `));
    expect(findings[0]).toContain(message);
  });

  it.each([
    ['consolidator.DataConsolidated += self.two'],
    ['consolidator.data_consolidated += self.flexible'],
    ['self.Consolidate("SPY", Resolution.Daily, self.one)'],
    ['self.consolidate("SPY", Resolution.DAILY, handler=self.two)'],
    ['self.add_universe(self.universe.etf("SPY"), self.one)'],
    ['option.set_filter(-5, 5, 0, 30)'],
    ['consolidator.data_consolidated += self.unknown'],
    ['consolidator.data_consolidated -= self.one'],
  ])('accepts %s', (line) => {
    // Act
    const findings = runRule(callbackSignatureRule, [algorithm(line)]);

    // Assess
    expect(findings).toEqual([]);
  });
});
