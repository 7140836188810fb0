import { describe, expect, it } from 'vitest';
import { scheduleCallbackRule } from '../../../functions/validator/rules/schedule-callback.js';
import { python, runRule } from './run-rule.js';

function algorithm(scheduling: string, ...extra: string[]) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    'class Algorithm(QCAlgorithm):',
    '    def initialize(self):',
    `        ${scheduling}`,
    '    def rebalance(self):',
    '        self.set_holdings("SPY", 1)',
    '    def make_callback(self):',
    '        return lambda: self.liquidate()',
    ...extra,
  );
}

describe('schedule-callback', () => {
  it.each([
    [
      'self.schedule.on(self.date_rules.every_day(), self.time_rules.at(10, 0), self.rebalance())',
      'main.py:4:82',
    ],
    [
      'self.Schedule.On(self.DateRules.EveryDay(), self.TimeRules.At(10, 0), Action(self.rebalance()))',
      'main.py:4:86',
    ],
  ])('reports a callback that is called instead of passed: %s', (scheduling, where) => {
    // Act
    const findings = runRule(scheduleCallbackRule, [algorithm(scheduling)]);

    // Assess
    expect(findings).toEqual([
      `${where} error self.rebalance() runs rebalance once, now, and hands schedule.on its result (None): pass the method itself, self.rebalance`,
    ]);
  });

  it.each([
    [
      'the method itself',
      'self.schedule.on(self.date_rules.every_day(), self.time_rules.at(10, 0), self.rebalance)',
    ],
    [
      'a factory that returns the callback',
      'self.schedule.on(self.date_rules.every_day(), self.time_rules.at(10, 0), self.make_callback())',
    ],
    [
      'a lambda',
      'self.schedule.on(self.date_rules.every_day(), self.time_rules.at(10, 0), lambda: self.rebalance())',
    ],
    [
      'an unknown method',
      'self.schedule.on(self.date_rules.every_day(), self.time_rules.at(10, 0), self.build())',
    ],
  ])('accepts %s', (_name, scheduling) => {
    // Act
    const findings = runRule(scheduleCallbackRule, [algorithm(scheduling)]);

    // Assess
    expect(findings).toEqual([]);
  });
});
