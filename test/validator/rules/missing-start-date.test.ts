import { describe, expect, it } from 'vitest';
import { missingStartDateRule } from '../../../functions/validator/rules/missing-start-date.js';
import { MAIN, python, runRule } from './run-rule.js';

describe('missing-start-date', () => {
  it('warns when no file sets the start date', () => {
    // Act
    const findings = runRule(missingStartDateRule, [MAIN]);

    // Assess
    expect(findings).toEqual([
      "main.py:3:7 warning Algorithm never calls self.set_start_date(...): the backtest starts at LEAN's default start date; set the dates in initialize",
    ]);
  });

  it('accepts a start date set in either naming form, in any project file', () => {
    // Prepare
    const base = python(
      'base.py',
      'from AlgorithmImports import *',
      'class Base(QCAlgorithm):',
      '    def initialize(self):',
      '        self.SetStartDate(2020, 1, 1)',
    );
    const main = python('main.py', 'from base import Base', 'class Algorithm(Base):', '    pass');

    // Act
    const findings = runRule(missingStartDateRule, [main, base]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('stays silent without an algorithm class', () => {
    // Act
    const findings = runRule(missingStartDateRule, [python('helpers.py', 'X = 1')]);

    // Assess
    expect(findings).toEqual([]);
  });
});
