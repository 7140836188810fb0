import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ParameterValue } from '../../../../functions/agents/plan.js';
import {
  docstringLines,
  pythonFloat,
  pythonLiteral,
  renderBlock,
  renderModule,
} from '../../../../functions/llm/offline/lean-writer/python-source.js';

/** Runs a module with python3 and returns what it prints; only for the writer's own helper output. */
function runPython(source: string): string {
  return execFileSync('python3', ['-c', source], { encoding: 'utf8', timeout: 10_000 });
}

const LITERALS: Array<[Pick<ParameterValue, 'type' | 'value'>, string]> = [
  [{ type: 'int', value: 63 }, '63'],
  [{ type: 'float', value: 5 }, '5.0'],
  [{ type: 'float', value: 0.015 }, '0.015'],
  [{ type: 'bool', value: false }, 'False'],
  [{ type: 'str', value: 'say "hi"\\' }, '"say \\"hi\\"\\\\"'],
  [{ type: 'list[str]', value: ['SPY', 'BRK.B'] }, '["SPY", "BRK.B"]'],
];

describe('Python literals', () => {
  it.each(LITERALS)('writes %o as %s', (parameter, expected) => {
    expect(pythonLiteral(parameter)).toBe(expected);
  });

  it('reads back in Python as the same value', () => {
    // Prepare
    const value = 'tab\there, quote " and backslash \\ and é';
    // Act
    const printed = runPython(`import json; print(json.dumps(${pythonLiteral({ type: 'str', value })}))`);
    // Assess
    expect(JSON.parse(printed)).toBe(value);
  });

  it('refuses non-finite floats', () => {
    expect(() => pythonFloat(Number.NaN)).toThrow(RangeError);
  });
});

describe('docstrings', () => {
  it('survive triple quotes, backslashes and a closing quote in the text', () => {
    // Prepare
    const text = 'Buys """cheap""" names \\ and says "done"';
    // Act
    const source = renderModule([
      ['def f():', [...docstringLines(text, 1), 'return 1']],
      ['print(f.__doc__)'],
    ]);
    // Assess
    expect(runPython(source).trim()).toBe(text);
  });

  it('wrap long text under the line width', () => {
    const lines = renderBlock(docstringLines('word '.repeat(60), 2), 2);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((line) => line.length <= 99)).toBe(true);
  });
});

describe('renderBlock line fitting', () => {
  it('splits a long call at its top-level commas, leaving commas inside strings alone', () => {
    // Prepare
    const call = `result = compute_something_long("a, b", [1, 2, 3], keyword_argument=another_function(x, y), z=1)`;
    // Act
    const lines = renderBlock([call], 1);
    // Assess
    expect(lines).toEqual([
      '    result = compute_something_long(',
      '        "a, b",',
      '        [1, 2, 3],',
      '        keyword_argument=another_function(x, y),',
      '        z=1,',
      '    )',
    ]);
  });

  it('does not turn a long parenthesised condition into a tuple', () => {
    // Prepare
    const condition = `if first_condition_is_long and (second_condition_is_also_long or third_condition_is_long_as_well):`;
    // Act
    const source = renderModule([
      [
        'first_condition_is_long = True',
        'second_condition_is_also_long = False',
        'third_condition_is_long_as_well = False',
        condition,
        ['print("yes")'],
        'else:',
        ['print("no")'],
      ],
    ]);
    // Assess
    expect(runPython(source).trim()).toBe('no');
  });

  it('re-wraps consecutive comment lines as one paragraph', () => {
    const lines = renderBlock(['# First half of a thought that goes on,', '# and the second half of it.'], 0);
    expect(lines).toEqual(['# First half of a thought that goes on, and the second half of it.']);
  });
});
