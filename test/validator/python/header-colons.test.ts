import { describe, expect, it } from 'vitest';
import { headersWithoutColon } from '../../../functions/validator/python/header-colons.js';
import { pythonParser } from '../../../functions/validator/python/python-language.js';
import { tokensOf } from '../../../functions/validator/python/syntax-tree.js';
import { syntaxErrors } from './syntax-errors-of.js';

/** Valid Python (CPython 3.11 compiles it) with colons in every place a header can hold one. */
const VALID_HEADERS = [
  'import asyncio',
  'from typing import Callable',
  '',
  'match = 1',
  'case = 2',
  'print(match, case)',
  'match(case)',
  '',
  '@staticmethod',
  'def helper(x: int = 3, *args: str, key: Callable[[int], int] = lambda v: v, **rest: dict[str, int]) -> dict[str, int]:',
  '    return {"a": x}',
  '',
  '@property',
  'def other(',
  '    a: int,',
  '    b: list[int] = [1, 2],',
  ') -> int:',
  '    return a',
  '',
  'class A(object):',
  '    values: dict[str, int] = {"a": 1}',
  '',
  '    def f(self, items: list[int]) -> list[int]:',
  '        if (n := len(items)) > 2:',
  '            return items[1:n]',
  '        elif items[::2] == [1]:',
  '            return items[:1]',
  '        else:',
  '            return items',
  '',
  '    def g(self, x) -> None:',
  '        if x := self.f([1]):',
  '            pass',
  '        while lambda: 0:',
  '            break',
  '        for key, value in {"a": 1, "b": 2}.items():',
  '            print(f"{key:>10}: {value!r}")',
  '        with open("a") as a, \\',
  '                open("b") as b:',
  '            pass',
  '        if x and \\',
  '                x:',
  '            pass',
  '        if f(lambda y: y[1:2]): pass',
  '        try:',
  '            pass',
  '        except* ValueError as error:',
  '            pass',
  '        try:',
  '            pass',
  '        except (KeyError, ValueError):',
  '            pass',
  '        else:',
  '            pass',
  '        finally:',
  '            pass',
  '        match x:',
  '            case {"a": 1, **others}:',
  '                pass',
  '            case [first, *_] if first > 0:',
  '                pass',
  '            case _:',
  '                pass',
  '        y = [i if i',
  '             else 0 for i in range(3)] if x else None',
  '        return None',
  '',
  'async def run(session):',
  '    async with session as s:',
  '        async for item in s:',
  '            await asyncio.sleep(0)',
  '',
  'class B(A, metaclass=type): x = 1',
].join('\n');

/** The headers without ':' that the check finds in a source, as `keyword line:column` (1-based). */
function headersOf(source: string): string[] {
  const tree = pythonParser().parse(source);
  if (tree === null) throw new Error('no tree');
  try {
    return headersWithoutColon(tokensOf(tree.rootNode), source.split('\n')).map(
      (header) => `${header.keyword} ${header.point.row + 1}:${header.point.column + 1}`,
    );
  } finally {
    tree.delete();
  }
}

describe('missing header colons, where CPython 3.11 reports them', () => {
  it.each([
    [
      'def in a class',
      'class A:\n    x = 1\n    def f(self) -> int\n        return 1\n',
      "3:23 missing ':' at the end of the 'def' line",
    ],
    [
      'def after another method (the whole file becomes one ERROR node)',
      'from AlgorithmImports import *\n\nclass A(AlphaModel):\n    def __init__(self, lookback_days=20):\n        self.lookback_days = lookback_days\n\n    def update(self, algorithm, data)\n        return []\n',
      "7:38 missing ':' at the end of the 'def' line",
    ],
    [
      'def with type hints, a lambda and a slice in its body',
      'class A:\n    def update(self, algorithm: QCAlgorithm, data: Slice) -> list[Insight]\n        f = lambda x: x[1:2]\n        return {"a": f}\n\n    def other(self):\n        return 1\n',
      "2:75 missing ':' at the end of the 'def' line",
    ],
    [
      'def whose body holds a walrus',
      'class A:\n    def f(self)\n        if (y := 2) > 1:\n            return {1: 2}\n        return 0\n',
      "2:16 missing ':' at the end of the 'def' line",
    ],
    ['decorated def', '@dec\ndef f(x)\n    return x\n', "2:9 missing ':' at the end of the 'def' line"],
    [
      'def header over several lines',
      'def f(\n    a: int,\n) -> int\n    return a\n',
      "3:9 missing ':' at the end of the 'def' line",
    ],
    ['async def', 'async def f(x)\n    return x\n', "1:15 missing ':' at the end of the 'async' line"],
    [
      'class',
      'class A(B)\n    def f(self):\n        pass\n',
      "1:11 missing ':' at the end of the 'class' line",
    ],
    [
      'if with an else after it',
      'if x\n    pass\nelse:\n    pass\n',
      "1:5 missing ':' at the end of the 'if' line",
    ],
    [
      'if continued with a backslash',
      'if x == 1 and \\\n   y == 2\n    pass\n',
      "2:10 missing ':' at the end of the 'if' line",
    ],
    ['else', 'if x:\n    pass\nelse\n    pass\n', "3:5 missing ':' at the end of the 'else' line"],
    ['while', 'while True\n    pass\n', "1:11 missing ':' at the end of the 'while' line"],
    ['try', 'try\n    x = 1\nexcept Exception:\n    pass\n', "1:4 missing ':' at the end of the 'try' line"],
    [
      'except',
      'try:\n    x = 1\nexcept Exception as error\n    pass\n',
      "3:26 missing ':' at the end of the 'except' line",
    ],
    ['finally', 'try:\n    x = 1\nfinally\n    pass\n', "3:8 missing ':' at the end of the 'finally' line"],
    ['with', 'with open(f) as g\n    pass\n', "1:18 missing ':' at the end of the 'with' line"],
    ['match', 'match x\n    case 1:\n        pass\n', "1:8 missing ':' at the end of the 'match' line"],
    ['case', 'match x:\n    case 1\n        pass\n', "2:11 missing ':' at the end of the 'case' line"],
  ])('%s', (_name, content, expected) => {
    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual([expected]);
  });

  it('still reports an unrelated error after the statement of the header', () => {
    // Prepare
    const content = 'def f(x)\n    return x\n\ndef g(y):\n    return y +\n';

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual([
      "1:9 missing ':' at the end of the 'def' line",
      "5:14 unexpected end of line after '+'",
    ]);
  });
});

describe('headersWithoutColon', () => {
  it('finds none in valid code: hints, lambdas, dicts, slices, walrus, brackets, backslashes, decorators', () => {
    // Act
    const headers = headersOf(VALID_HEADERS);

    // Assess
    expect(headers).toEqual([]);
  });

  it('leaves a valid file with one broken line to the error it has', () => {
    // Prepare
    const content = `x = = 2\n${VALID_HEADERS}\ny = = 3\n`;

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual([
      "1:5 unexpected '='",
      `${VALID_HEADERS.split('\n').length + 2}:5 unexpected '='`,
    ]);
  });

  it('reads match and case as names unless an indented block follows', () => {
    // Act
    const headers = headersOf('match(x)\nmatch x\ncase = 1\nmatch x\n    case 1\n        pass\n');

    // Assess
    expect(headers).toEqual(['match 4:8', 'case 5:11']);
  });

  it('leaves a header with an unclosed bracket to the bracket check', () => {
    // Act
    const headers = headersOf('for x in range(3\n    pass\n');

    // Assess
    expect(headers).toEqual([]);
  });
});
