import { describe, expect, it } from 'vitest';
import { parseCompileLogs, parseRuntimeError } from '../../functions/quantconnect/compile-errors.js';

const files = new Set(['main.py', 'alpha.py']);

describe('parseCompileLogs', () => {
  it('reads file, line, column and message from build error lines', () => {
    // Act
    const diagnostics = parseCompileLogs(
      ['Build Error: File: alpha.py Line: 12 Column: 5 - SyntaxError: invalid syntax', 'Build Error'],
      files,
    );
    // Assess
    expect(diagnostics).toEqual([
      {
        file: 'alpha.py',
        line: 12,
        column: 5,
        severity: 'error',
        rule: 'quantconnect-build',
        message: 'SyntaxError: invalid syntax',
        source: 'compile',
      },
    ]);
  });

  it('keeps unparseable logs as one error on main.py rather than dropping them', () => {
    // Act
    const diagnostics = parseCompileLogs(['Something went wrong in the build'], files);
    // Assess
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'main.py', message: 'Something went wrong in the build' });
  });
});

describe('parseCompileLogs without the project file list', () => {
  it('keeps the file name each build error line gives', () => {
    // Act
    const diagnostics = parseCompileLogs([
      'Build Error: File: /QuantConnect/project/helpers/signals.py Line: 3 Column: 1 - SyntaxError: invalid syntax',
      'Build Error: File: main.py Line: 9 - NameError',
    ]);

    // Assess
    expect(diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.line])).toEqual([
      ['signals.py', 3],
      ['main.py', 9],
    ]);
  });
});

describe('parseRuntimeError', () => {
  it('points at the innermost frame in a project file', () => {
    // Prepare
    const stacktrace = [
      'Traceback (most recent call last):',
      '  File "/QuantConnect/backtesting/./cache/algorithm/project/main.py", line 20, in on_data',
      '  File "/QuantConnect/backtesting/./cache/algorithm/project/alpha.py", line 41, in update',
      '  File "/usr/lib/python3/site-packages/pandas/core/frame.py", line 99, in __getitem__',
    ].join('\n');
    // Act
    const diagnostic = parseRuntimeError("KeyError: 'SPY'", stacktrace, files);
    // Assess
    expect(diagnostic).toMatchObject({
      file: 'alpha.py',
      line: 41,
      rule: 'runtime-error',
      message: "KeyError: 'SPY'",
    });
  });

  it("reads LEAN's own trace shape, innermost frame first, for an initialization error", () => {
    // Prepare
    const error =
      'During the algorithm initialization, the following exception has occurred: ZeroDivisionError : division by zero';
    const stacktrace = [
      '  at update',
      '    ratio = 1 / 0',
      ' in alpha.py: line 33',
      '  at initialize',
      '    self.set_alpha(MomentumAlpha())',
      ' in main.py: line 12',
    ].join('\n');
    // Act
    const diagnostic = parseRuntimeError(error, stacktrace, files, 'initialize');
    // Assess
    expect(diagnostic).toMatchObject({
      file: 'alpha.py',
      line: 33,
      rule: 'initialize-error',
      source: 'initialize',
    });
  });
});
