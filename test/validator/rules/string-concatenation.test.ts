import { describe, expect, it } from 'vitest';
import { stringConcatenationRule } from '../../../functions/validator/rules/string-concatenation.js';
import { python, runRule } from './run-rule.js';

function method(...lines: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def on_data(self, data):',
    ...lines.map((line) => `        ${line}`),
  );
}

describe('string-concatenation', () => {
  it.each([
    ['a number literal', 'self.debug("count: " + 5)', 'main.py:4:20 error'],
    ['len()', 'self.log(len(self.securities) + " securities")', 'main.py:4:18 error'],
    ['an f-string and int()', 'self.debug(f"{self.time}: " + int(3.5))', 'main.py:4:20 error'],
    ['a LEAN price', 'self.debug("price " + self.securities["SPY"].price)', 'main.py:4:20 warning'],
    ['an indicator value', 'message = "rsi=" + self.rsi_indicator.Current.Value', 'main.py:4:19 warning'],
  ])('reports a string joined to %s', (_name, line, where) => {
    // Act
    const findings = runRule(stringConcatenationRule, [method(line)]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(new RegExp(`^${where} a string \\+ `));
    expect(findings[0]).toContain('raises TypeError');
  });

  it.each([
    ['str()', 'self.debug("count: " + str(5))'],
    ['strings', 'self.debug("a" + "b" + f"{self.time}")'],
    ['numbers', 'total = 1 + len(self.securities) + 2.5'],
    ['an unknown value', 'self.debug("value " + self.label)'],
  ])('accepts %s', (_name, line) => {
    // Act
    const findings = runRule(stringConcatenationRule, [method(line)]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('accepts a builtin name the module redefines', () => {
    // Prepare
    const main = python('main.py', 'def len(value):', '    return "many"', 'label = "x" + len("y")');

    // Act
    const findings = runRule(stringConcatenationRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });
});
