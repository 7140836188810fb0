import { describe, expect, it } from 'vitest';
import { describeCrash, findCertainCrash } from '../../../functions/quantconnect/emulator/certain-crash.js';
import { ALPHA_PY, tradingMain } from './emulator-fixture.js';

const alpha = { name: 'alpha.py', content: ALPHA_PY };

function mainWith(...lines: string[]): { name: string; content: string } {
  return {
    name: 'main.py',
    content: tradingMain({ extra: lines.map((line) => `        ${line}`).join('\n') }),
  };
}

function lineOf(content: string, text: string): number {
  return content.split('\n').findIndex((line) => line.includes(text)) + 1;
}

describe('findCertainCrash', () => {
  it('finds a literal division by zero in initialize, with Python 3.11 wording', () => {
    // Prepare
    const integer = mainWith('self.weight = 1 / 0');
    const float = mainWith('self.weight = 1.0 / 0');
    const floor = mainWith('self.weight = 10 // 0');

    // Act
    const crashes = [integer, float, floor].map((main) => findCertainCrash([main, alpha]));

    // Assess
    expect(crashes[0]).toMatchObject({
      phase: 'initialize',
      file: 'main.py',
      method: 'initialize',
      line: lineOf(integer.content, '1 / 0'),
      code: 'self.weight = 1 / 0',
      exceptionType: 'ZeroDivisionError',
      message: 'division by zero',
    });
    expect(crashes[1]?.message).toBe('float division by zero');
    expect(crashes[2]?.message).toBe('integer division or modulo by zero');
  });

  it('leaves alone what might not crash: names, non-zero literals, conditions, strings, comments, after return', () => {
    // Prepare
    const candidates = [
      mainWith('self.ratio = self.cash / 0'),
      mainWith('self.ratio = 1 / 0.5'),
      mainWith('self.ratio = 1 / 0 if self.live_mode else 1'),
      mainWith('self.debug("1 / 0")'),
      mainWith('# raise ValueError("commented")'),
      mainWith('if self.live_mode:', '    raise ValueError("live only")'),
      mainWith('return', 'raise ValueError("unreachable")'),
      mainWith('"""', 'raise ValueError("in a docstring")', '"""'),
      mainWith('self.values = [', '1 / 0 ]'),
    ];

    // Act
    const crashes = candidates.map((main) => findCertainCrash([main, alpha]));

    // Assess
    expect(crashes).toEqual(candidates.map(() => undefined));
  });

  it('reads a raise in initialize: an f-string message, a bare raise, a class alone and PascalCase Initialize', () => {
    // Prepare
    const formatted = mainWith('raise ValueError(f"no symbols for {self.name}")  # stop');
    const pascal = {
      name: 'main.py',
      content: mainWith('raise KeyError("SPY")').content.replace('def initialize', 'def Initialize'),
    };

    // Act
    const found = findCertainCrash([formatted, alpha]);
    const bare = findCertainCrash([mainWith('raise'), alpha]);
    const classOnly = findCertainCrash([mainWith('raise NotImplementedError'), alpha]);
    const pascalCrash = findCertainCrash([pascal, alpha]);

    // Assess
    expect(found).toMatchObject({
      phase: 'initialize',
      exceptionType: 'ValueError',
      message: 'no symbols for {self.name}',
      method: 'initialize',
      line: lineOf(formatted.content, 'raise ValueError'),
      code: 'raise ValueError(f"no symbols for {self.name}")  # stop',
    });
    expect(bare).toMatchObject({ exceptionType: 'RuntimeError', message: 'No active exception to reraise' });
    expect(classOnly).toMatchObject({ exceptionType: 'NotImplementedError', message: '' });
    expect(pascalCrash).toMatchObject({ method: 'Initialize', exceptionType: 'KeyError', message: 'SPY' });
  });

  it("writes LEAN's initialization error for a raise in initialize, with file and line", () => {
    // Prepare
    const main = mainWith('raise ValueError("universe is empty")');
    const line = lineOf(main.content, 'universe is empty');

    // Act
    const described = describeCrash(findCertainCrash([main, alpha]) ?? fail());

    // Assess
    expect(described.stacktrace).toBe(
      `  at initialize\n    raise ValueError("universe is empty")\n in main.py: line ${line}\n`,
    );
    expect(described.error).toMatch(
      /^During the algorithm initialization, the following exception has occurred: ValueError : universe is empty\n/,
    );
    expect(described.error).toContain(`in main.py: line ${line}`);
  });

  it("finds a raise in a used alpha's update as a runtime crash in that file", () => {
    // Prepare
    const crashing = ALPHA_PY.replace('        return [', '        raise KeyError("SPY")\n        return [');

    // Act
    const crash = findCertainCrash([
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: crashing },
    ]);

    // Assess
    expect(crash).toMatchObject({ phase: 'runtime', file: 'alpha.py', method: 'update', line: 5 });
    expect(describeCrash(crash ?? fail())).toEqual({
      error: 'KeyError : SPY\n  at update\n    raise KeyError("SPY")\n in alpha.py: line 5\n',
      stacktrace: '  at update\n    raise KeyError("SPY")\n in alpha.py: line 5\n',
    });
  });

  it("finds a crash in the update of an alpha added over several lines next to a universe, but not in that algorithm's on_data", () => {
    // Prepare
    const crashing = ALPHA_PY.replace('        return [', '        ratio = 1 / 0\n        return [');
    const universeMain = [
      'from AlgorithmImports import *',
      'from alpha import MomentumAlphaModel',
      'class Framework(QCAlgorithm):',
      '    def initialize(self):',
      '        self.add_universe_selection(',
      '            ManualUniverseSelectionModel([Symbol.create("SPY", SecurityType.EQUITY, Market.USA)])',
      '        )',
      '        self.add_alpha(',
      '            MomentumAlphaModel(',
      '            )',
      '        )',
      '    def on_data(self, data):',
      '        raise ValueError("a universe may deliver no data to on_data")',
      '',
    ].join('\n');

    // Act
    const crash = findCertainCrash([
      { name: 'main.py', content: universeMain },
      { name: 'alpha.py', content: crashing },
    ]);
    const onDataOnly = findCertainCrash([{ name: 'main.py', content: universeMain }]);

    // Assess
    expect(crash).toMatchObject({ phase: 'runtime', file: 'alpha.py', method: 'update', line: 5 });
    expect(onDataOnly).toBeUndefined();
  });

  it('ignores an alpha that initialize never sets, and on_data without any security added', () => {
    // Prepare
    const crashing = ALPHA_PY.replace('        return [', '        raise KeyError("SPY")\n        return [');
    const unsetMain = tradingMain().replace('self.set_alpha(MomentumAlphaModel())', 'pass');
    const noData = [
      'from AlgorithmImports import *',
      'class Idle(QCAlgorithm):',
      '    def initialize(self):',
      '        self.set_cash(1000)',
      '    def on_data(self, data):',
      '        raise ValueError("never called")',
      '',
    ].join('\n');

    // Act
    const unset = findCertainCrash([
      { name: 'main.py', content: unsetMain },
      { name: 'alpha.py', content: crashing },
    ]);
    const idle = findCertainCrash([{ name: 'main.py', content: noData }]);

    // Assess
    expect(unset).toBeUndefined();
    expect(idle).toBeUndefined();
  });

  it('finds a raise in on_data when initialize adds a security', () => {
    // Prepare
    const main = `${tradingMain()}\n    def on_data(self, data):\n        raise RuntimeError("boom")\n`;

    // Act
    const crash = findCertainCrash([{ name: 'main.py', content: main }, alpha]);

    // Assess
    expect(crash).toMatchObject({
      phase: 'runtime',
      method: 'on_data',
      exceptionType: 'RuntimeError',
      message: 'boom',
    });
  });
});

function fail(): never {
  throw new Error('expected a crash');
}
