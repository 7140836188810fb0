import { describe, expect, it } from 'vitest';
import { parsePythonFile } from '../../../functions/validator/python/parser.js';
import { syntaxErrors } from './syntax-errors-of.js';

describe('parsePythonFile', () => {
  it('returns the tree and no diagnostics for valid code', () => {
    // Prepare
    const content =
      'from AlgorithmImports import *\n\nclass A(QCAlgorithm):\n    def initialize(self):\n        pass\n';

    // Act
    const parsed = parsePythonFile({ name: 'main.py', content });

    // Assess
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.file.name).toBe('main.py');
    expect(parsed.tree.rootNode.type).toBe('module');
    expect(parsed.tree.rootNode.namedChildren.map((node) => node?.type)).toEqual([
      'import_from_statement',
      'class_definition',
    ]);
    parsed.tree.delete();
  });

  it('reports syntax errors with file, rule, severity and source', () => {
    // Prepare
    const content = 'x = (1,\n';

    // Act
    const parsed = parsePythonFile({ name: 'alpha.py', content });
    parsed.tree.delete();
    const [diagnostic] = parsed.diagnostics;

    // Assess
    expect(diagnostic).toEqual({
      file: 'alpha.py',
      line: 1,
      column: 5,
      severity: 'error',
      rule: 'syntax-error',
      message: "unclosed '('",
      source: 'static',
    });
  });

  it('parses the same text the same way on repeated calls (one shared parser)', () => {
    // Prepare
    const content = 'if x\n    y = 1\n';

    // Act
    const first = syntaxErrors(content);
    const second = syntaxErrors(content);

    // Assess
    expect(second).toEqual(first);
    expect(first).toHaveLength(1);
  });

  it('parses files larger than tree-sitter’s default buffer', () => {
    // Prepare
    const content = `${'value = 1\n'.repeat(20_000)}broken = (\n`;

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["20001:10 unclosed '('"]);
  });
});

describe('parsePythonFile: what tree-sitter marks as ERROR or MISSING', () => {
  it.each([
    ['missing colon after if', 'if x\n    y = 1\n', "1:5 missing ':' at the end of the 'if' line"],
    [
      'missing colon after class',
      'class A(QCAlgorithm)\n    pass\n',
      "1:21 missing ':' at the end of the 'class' line",
    ],
    [
      'missing colon after def',
      'def f(self)\n    return 1\n',
      "1:12 missing ':' at the end of the 'def' line",
    ],
    [
      'missing colon after for',
      'for i in range(3)\n    pass\n',
      "1:18 missing ':' at the end of the 'for' line",
    ],
    [
      'missing colon after elif',
      'if x:\n    pass\nelif y\n    pass\n',
      "3:7 missing ':' at the end of the 'elif' line",
    ],
    ['unclosed call at end of file', 'foo(1, 2\n', "1:4 unclosed '('"],
    ['unclosed call before the next statement', 'x = foo(1, 2\ny = 3\n', "1:8 unclosed '('"],
    ['unclosed list before a def', 'x = [1, 2\n\ndef g():\n    return 2\n', "1:5 unclosed '['"],
    [
      'unclosed call in a method',
      'class A:\n    def initialize(self):\n        self.set_start_date(2020, 1, 1\n        self.set_cash(100000)\n',
      "3:28 unclosed '('",
    ],
    ['unexpected closing bracket', 'x = 1)\n', "1:6 unexpected ')' with no matching opening bracket"],
    ['mismatched brackets', 'x = foo(1, 2]\n', "1:13 closing ']' does not match the opening '(' on line 1"],
    ['missing comma between arguments', 'x = foo(a b, c)\n', "1:11 missing ',' between 'a' and 'b'"],
    [
      'missing comma after a string argument',
      'self.add_equity("SPY" Resolution.DAILY)\n',
      `1:23 missing ',' between '"SPY"' and 'Resolution.DAILY'`,
    ],
    ['missing colon in a dictionary', 'x = {"a": 1, "b" 2}\n', `1:18 missing ':' between '"b"' and '2'`],
    [
      'missing parameter name separator',
      'def f(self, a b):\n    pass\n',
      "1:15 missing ',' between 'a' and 'b'",
    ],
    ['unterminated string', 'x = "abc\ny = 1\n', '1:5 unterminated string literal'],
    ['unterminated triple-quoted string', 'x = """abc\ny = 1\n', '1:5 unterminated string literal'],
    ['line ending in an operator', 'x = 1 +\n', "1:7 unexpected end of line after '+'"],
    ['line ending in a dot', 'self.x = self.y.\n', "1:16 unexpected end of line after '.'"],
    ['import without a module', 'import\n', "1:1 unexpected end of line after 'import'"],
    ['doubled operator', 'def f(x):\n    return x +* 2\n', "2:15 unexpected '*' after '+'"],
    ['doubled assignment', 'self.x = = 2\n', "1:10 unexpected '='"],
    ['else without if', 'else:\n    pass\n', "1:1 unexpected 'else'"],
    ['missing closing parenthesis in a def', 'def f(:\n    pass\n', "1:7 missing ')'"],
  ])('%s', (_name, content, expected) => {
    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual([expected]);
  });

  it('reports nested errors at one spot once', () => {
    // Prepare: the unclosed '{' makes tree-sitter nest ERROR nodes over the next method
    const content = 'class A:\n    def f(self):\n        self.a = {"k": 1\n    def g(self):\n        pass\n';

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["3:18 unclosed '{'"]);
  });

  it('reports independent errors on different lines', () => {
    // Prepare
    const content = 'x = foo(a b)\n\nself.x = = 2\n';

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["1:11 missing ',' between 'a' and 'b'", "3:10 unexpected '='"]);
  });

  it('explains the first mistake when tree-sitter folds several into one ERROR node', () => {
    // Prepare
    const content = 'def f(self)\n    return 1\n\n\nx = foo(1, 2]\n';

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["1:12 missing ':' at the end of the 'def' line"]);
  });

  it('prefers an unclosed bracket to a missing colon on a header that runs on', () => {
    // Prepare
    const content = 'for x in range(3\n    pass\n';

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["1:15 unclosed '('"]);
  });
});

describe('parsePythonFile: what CPython 3 rejects but tree-sitter accepts', () => {
  it.each([
    ['print statement', 'print "hello"\n', '1:1 print is a function in Python 3: write print(...)'],
    ['exec statement', 'exec "x = 1"\n', '1:1 exec is a function in Python 3: write exec(...)'],
    [
      'Python 2 except',
      'try:\n    pass\nexcept Exception, e:\n    pass\n',
      "3:17 Python 2 except syntax: write 'except ErrorType as name:'",
    ],
    ['diamond operator', 'if a <> b:\n    pass\n', "1:6 '<>' is not Python 3: write '!='"],
    ['long integer', 'x = 10L\n', "1:5 the 'L' suffix of 10L is Python 2: remove it"],
    ['octal without 0o', 'x = 0777\n', '1:5 leading zeros are not allowed in 0777: write 0o777 for octal'],
    ['missing body', 'def f():\nreturn 1\n', "2:1 expected an indented block after the 'def' line (line 1)"],
    [
      'missing body at end of file',
      'class A:\n',
      "1:9 expected an indented block after the 'class' line (line 1)",
    ],
    ['stray indent in a block', 'def f():\n    x = 1\n      y = 2\n', '3:7 unexpected indent'],
    ['indented first line', '    x = 1\n', '1:5 unexpected indent'],
    [
      'dedent to no outer level',
      'class A:\n    def f(self):\n        pass\n   def g(self):\n        pass\n',
      '4:4 unindent does not match any outer indentation level',
    ],
    [
      'tabs and spaces mixed',
      'def f():\n\tx = 1\n        y = 2\n',
      '3:9 inconsistent use of tabs and spaces in indentation',
    ],
    [
      'misaligned except',
      'try:\n    pass\n  except E:\n    pass\n',
      "3:3 'except' is not aligned with the 'try' on line 1",
    ],
    [
      'misaligned decorated def',
      'class A:\n    @staticmethod\n      def f():\n        pass\n',
      "3:7 'def' is not aligned with its decorator on line 2",
    ],
    [
      'try without handler',
      'try:\n    pass\nelse:\n    pass\n',
      "1:1 'try' needs an 'except' or 'finally' block",
    ],
    ['return at module level', 'return 5\n', "1:1 'return' outside a function"],
    ['return in a class body', 'class A:\n    return 1\n', "2:5 'return' outside a function"],
    ['yield at module level', 'yield 5\n', "1:1 'yield' outside a function"],
    ['break outside a loop', 'break\n', "1:1 'break' outside a loop"],
    [
      'continue after a loop',
      'def f():\n    for i in x:\n        pass\n    continue\n',
      "4:5 'continue' outside a loop",
    ],
    ['positional after keyword', 'f(a=1, 2)\n', '1:8 positional argument follows keyword argument'],
    ['repeated keyword', 'f(a=1, a=2)\n', "1:8 keyword argument 'a' is repeated"],
    ['star after double star', 'f(**k, *a)\n', "1:8 '*' unpacking follows '**' unpacking"],
    [
      'non-default after default',
      'def f(a=1, b):\n    pass\n',
      "1:12 parameter 'b' without a default follows a parameter with a default",
    ],
    ['duplicate parameter', 'lambda x, x: x\n', "1:11 duplicate parameter 'x'"],
    [
      'parameter after **kwargs',
      'def f(**kw, a):\n    pass\n',
      "1:13 parameter 'a' follows '**kw', which must be last",
    ],
    [
      'two statements on one line',
      'from risk import DrawdownPerSecurityR iskModel\n',
      "1:39 unexpected 'iskModel' after a complete statement on the same line",
    ],
    [
      'expression continued without brackets',
      'def f(self):\n    self.set_start_date(2018, 1, 1)+\n    self.set_cash(1)\n',
      "2:36 unexpected end of line after '+'",
    ],
    ['assignment continued without brackets', 'x = \ny = 2\n', "1:3 unexpected end of line after '='"],
  ])('%s', (_name, content, expected) => {
    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual([expected]);
  });
});

describe('parsePythonFile: valid Python 3 gives no diagnostics', () => {
  it.each([
    ['f-strings with nested fields', 'x = f"{value!r:>{width}} {d[\'k\']:.2f} {{literal}}"\n'],
    [
      'match statement',
      'match x:\n    case [a, *rest] if a > 0:\n        pass\n    case {"k": v}:\n        pass\n    case _:\n        pass\n',
    ],
    ['walrus', 'if (n := len(items)) > 10:\n    pass\n'],
    ['positional-only and keyword-only parameters', 'def f(a, /, b=1, *, c, d=2, **kw):\n    return a\n'],
    ['defaults after *args', 'def f(a=1, *args, b, c=2):\n    pass\n'],
    ['lambda defaults', 'key = lambda x, y=2: x * y\n'],
    [
      'async code',
      'async def f():\n    async with a as b:\n        await b\n    async for i in c:\n        yield i\n',
    ],
    ['yield in a lambda', 'g = lambda: (yield)\n'],
    [
      'type hints and generics',
      'def f(x: list[dict[str, int]] | None = None) -> tuple[int, ...]:\n    return ()\n',
    ],
    ['backslash continuation', 'x = 1 + \\\n    2\nassert x, \\\n    "message"\n'],
    ['backslash continuation inside a call', 'f(a=1, \\\n  b=2)\n'],
    ['multi-line strings', 's = """\nline\n"""\nt = ("a"\n     "b")\n'],
    [
      'bracketed line indented less than its block',
      'def f():\n    if (a and\nb):\n        return (x +\n  y)\n',
    ],
    ['semicolons', 'a = 1; b = 2\nif a: c = 3; d = 4\n'],
    ['compound statement on one line', 'class A: pass\nwhile x: x -= 1\n'],
    ['decorators with arguments', '@a.b(c, d=1)\n@e\ndef f():\n    pass\n'],
    ['comments between decorator and def', '@dec\n# comment\ndef f():\n    pass\n'],
    [
      'global and nonlocal',
      'def f():\n    global g\n    x = 1\n    def h():\n        nonlocal x\n        x += 1\n',
    ],
    [
      'try with every clause',
      'try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nelse:\n    pass\nfinally:\n    pass\n',
    ],
    ['for with else and break', 'for i in x:\n    if i:\n        break\nelse:\n    pass\n'],
    ['star unpacking', 'a, *b = c\nf(*a, *b, k=1, **d, **e)\nprint(*a, sep="")\n'],
    ['keyword then star argument', 'f(a=1, *args)\n'],
    ['generator argument', 'total = sum(x for x in y if x)\n'],
    [
      'comprehensions',
      'a = {k: v for k, v in d.items()}\nb = {x for x in y}\nc = [[i for i in r] for r in rows]\n',
    ],
    ['chained comparison and ternary', 'ok = 0 < x <= 10 if x else None\n'],
    ['slices and ellipsis', 'a = b[1:2, ::3]\nc = d[..., 0]\n'],
    ['print redirection compiles', 'print >> sys.stderr, "message"\n'],
    ['integer literals', 'a = 0\nb = 00\nc = 0x1F\nd = 0o17\ne = 1_000\nf = 0b1010\ng = 1e-5\nh = 2j\n'],
    ['tab indentation', 'def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n'],
    ['docstring-only body', 'class A:\n    """Nothing else."""\n'],
    ['comment-only lines in blocks', 'def f():\n    # first\n    x = 1\n# dedented comment\n    return x\n'],
    ['non-ASCII identifiers and strings', 'café = "naïve"\nprint(café)\n'],
    ['dedented continuation of a call', 'result = compute(\n    1,\n)\n'],
    ['empty file', ''],
    [
      'return inside nested function in a class',
      'class A:\n    def f(self):\n        def g():\n            return 1\n        return g\n',
    ],
  ])('%s', (_name, content) => {
    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual([]);
  });
});
