import { describe, expect, it } from 'vitest';
import { applyBacktestSettings, dateArguments } from '../../functions/quantconnect/backtest-settings.js';
import { UserInputError } from '../../functions/shared/errors.js';

const SNAKE = [
  'from AlgorithmImports import *',
  '',
  'class Momentum(QCAlgorithm):',
  '    def initialize(self):',
  '        self.set_start_date(2019, 1, 1)  # the start',
  '        self.set_end_date(datetime(2020, 12, 31))',
  '        # self.set_cash(5)',
  '        self.add_equity("SPY")',
  '',
].join('\n');

const PASCAL = [
  'class Momentum(QCAlgorithm):',
  '    def Initialize(self) -> None:',
  '',
  '        self.AddEquity("SPY")',
  '',
].join('\n');

describe('applyBacktestSettings', () => {
  it('replaces the arguments of the existing calls and adds the missing one at the top of initialize', () => {
    // Act
    const { content, changes } = applyBacktestSettings(SNAKE, {
      start: '2021-02-03',
      end: '2022-03-04',
      cash: 25000,
    });

    // Assess
    expect(content).toContain(
      '        self.set_cash(25000)\n        self.set_start_date(2021, 2, 3)  # the start',
    );
    expect(content).toContain('        self.set_end_date(2022, 3, 4)\n');
    expect(content).toContain('        # self.set_cash(5)');
    expect(changes).toEqual([
      { call: 'set_cash(25000)', line: 5, action: 'inserted' },
      { call: 'set_start_date(2021, 2, 3)', line: 6, action: 'replaced' },
      { call: 'set_end_date(2022, 3, 4)', line: 7, action: 'replaced' },
    ]);
  });

  it('writes inserted calls in the naming form of the file, indented like its body', () => {
    // Act
    const { content } = applyBacktestSettings(PASCAL, { start: '2020-01-31' });

    // Assess
    expect(content).toBe(
      [
        'class Momentum(QCAlgorithm):',
        '    def Initialize(self) -> None:',
        '        self.SetStartDate(2020, 1, 31)',
        '',
        '        self.AddEquity("SPY")',
        '',
      ].join('\n'),
    );
  });

  it('leaves main.py as it is when nothing is asked', () => {
    expect(applyBacktestSettings(SNAKE, {})).toEqual({ content: SNAKE, changes: [] });
  });

  it('leaves a call written inside a docstring alone and inserts the real one', () => {
    // Prepare
    const main = [
      'class Momentum(QCAlgorithm):',
      '    def initialize(self):',
      '        """Starts with self.set_cash(1) unless told otherwise."""',
      '        self.add_equity("SPY")',
      '',
    ].join('\n');

    // Act
    const { content, changes } = applyBacktestSettings(main, { cash: 5000 });

    // Assess
    expect(content).toBe(
      [
        'class Momentum(QCAlgorithm):',
        '    def initialize(self):',
        '        self.set_cash(5000)',
        '        """Starts with self.set_cash(1) unless told otherwise."""',
        '        self.add_equity("SPY")',
        '',
      ].join('\n'),
    );
    expect(changes).toEqual([{ call: 'set_cash(5000)', line: 3, action: 'inserted' }]);
  });

  it('replaces a call that follows a string holding #, which is no comment', () => {
    // Prepare
    const main = [
      'class Momentum(QCAlgorithm):',
      '    def initialize(self):',
      '        self.debug("#1"); self.set_cash(1)',
      '',
    ].join('\n');

    // Act
    const { content, changes } = applyBacktestSettings(main, { cash: 5000 });

    // Assess
    expect(content).toBe(
      [
        'class Momentum(QCAlgorithm):',
        '    def initialize(self):',
        '        self.debug("#1"); self.set_cash(5000)',
        '',
      ].join('\n'),
    );
    expect(changes).toEqual([{ call: 'set_cash(5000)', line: 3, action: 'replaced' }]);
  });

  it('refuses impossible dates, a start after the end, and a main.py without initialize', () => {
    expect(() => dateArguments('2021-02-30', '--start')).toThrow(UserInputError);
    expect(() => dateArguments('31/01/2021', '--end')).toThrow('--end takes a date as YYYY-MM-DD');
    expect(() => applyBacktestSettings(SNAKE, { start: '2022-01-01', end: '2021-01-01' })).toThrow(
      '--start 2022-01-01 is after --end 2021-01-01',
    );
    expect(() => applyBacktestSettings('x = 1\n', { cash: 10 })).toThrow('main.py has no initialize(self)');
  });
});
