import { describe, expect, it } from 'vitest';
import {
  describeInitializeRaise,
  findInitializeRaise,
} from '../../../functions/quantconnect/emulator/initialize-error.js';

function mainWith(...bodyLines: string[]): string {
  return [
    'from AlgorithmImports import *',
    '',
    'class Strategy(QCAlgorithm):',
    '    def initialize(self):',
    '        self.set_cash(100000)',
    ...bodyLines.map((line) => `        ${line}`),
    '',
    '    def on_data(self, data):',
    '        raise RuntimeError("only at runtime")',
    '',
  ].join('\n');
}

describe('findInitializeRaise', () => {
  it('finds a raise directly in initialize with its type, message and line', () => {
    // Act
    const found = findInitializeRaise(mainWith('raise ValueError(f"no symbols for {self.name}")  # stop'));

    // Assess
    expect(found).toEqual({
      exceptionType: 'ValueError',
      message: 'no symbols for {self.name}',
      method: 'initialize',
      line: 6,
      code: 'raise ValueError(f"no symbols for {self.name}")  # stop',
    });
  });

  it('reads a bare raise, an exception class without arguments and PascalCase Initialize', () => {
    // Act
    const bare = findInitializeRaise(mainWith('raise'));
    const classOnly = findInitializeRaise(mainWith('raise NotImplementedError'));
    const pascal = findInitializeRaise(
      mainWith('raise KeyError("SPY")').replace('def initialize', 'def Initialize'),
    );

    // Assess
    expect(bare).toMatchObject({ exceptionType: 'RuntimeError', message: 'No active exception to reraise' });
    expect(classOnly).toMatchObject({ exceptionType: 'NotImplementedError', message: '' });
    expect(pascal).toMatchObject({ method: 'Initialize', exceptionType: 'KeyError', message: 'SPY' });
  });

  it('ignores raises under a condition, in comments, and in other methods', () => {
    // Act
    const found = findInitializeRaise(
      mainWith('if self.live_mode:', '    raise ValueError("live only")', '# raise ValueError("commented")'),
    );

    // Assess
    expect(found).toBeUndefined();
  });
});

describe('describeInitializeRaise', () => {
  it("writes LEAN's initialization error and a stack trace with file and line", () => {
    // Prepare
    const failure = {
      exceptionType: 'ValueError',
      message: 'universe is empty',
      method: 'initialize',
      line: 14,
      code: 'raise ValueError("universe is empty")',
    };

    // Act
    const described = describeInitializeRaise(failure);

    // Assess
    expect(described.stacktrace).toBe(
      '  at initialize\n    raise ValueError("universe is empty")\n in main.py: line 14\n',
    );
    expect(described.error).toMatch(
      /^During the algorithm initialization, the following exception has occurred: ValueError : universe is empty\n/,
    );
    expect(described.error).toContain('in main.py: line 14');
  });
});
