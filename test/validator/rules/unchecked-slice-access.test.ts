import { describe, expect, it } from 'vitest';
import { uncheckedSliceAccessRule } from '../../../functions/validator/rules/unchecked-slice-access.js';
import { python, runRule } from './run-rule.js';

function onData(...lines: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    '        self.spy = self.add_equity("SPY").symbol',
    '    def on_data(self, slice):',
    ...lines.map((line) => `        ${line}`),
  );
}

describe('unchecked-slice-access', () => {
  it.each([
    ['slice[symbol]', 'price = slice[self.spy].close', 'main.py:6:17'],
    ['slice.bars[symbol]', 'price = slice.bars[self.spy].close', 'main.py:6:17'],
  ])('warns about %s with no check', (_name, line, where) => {
    // Act
    const findings = runRule(uncheckedSliceAccessRule, [onData(line)]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(new RegExp(`^${where} warning `));
    expect(findings[0]).toContain('raises KeyError on a bar without data for that symbol');
  });

  it.each([
    ['contains_key', ['if not slice.contains_key(self.spy):', '    return', 'price = slice[self.spy].close']],
    ['ContainsKey', ['if slice.Bars.ContainsKey(self.spy):', '    price = slice.Bars[self.spy].Close']],
    ['in', ['if self.spy in slice.bars:', '    price = slice.bars[self.spy].close']],
    ['iteration over the slice', ['for symbol in slice.keys():', '    price = slice[symbol].close']],
    ['get', ['bar = slice.bars.get(self.spy)', 'other = slice[self.spy] if bar else None']],
    ['try', ['try:', '    price = slice[self.spy].close', 'except KeyError:', '    return']],
    ['other collections', ['chain = slice.option_chains[self.spy]']],
  ])('accepts access guarded by %s', (_name, lines) => {
    // Act
    const findings = runRule(uncheckedSliceAccessRule, [onData(...lines)]);

    // Assess
    expect(findings).toEqual([]);
  });
});
