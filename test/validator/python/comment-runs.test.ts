import { describe, expect, it } from 'vitest';
import { blankRepeatedCommentLines } from '../../../functions/validator/python/comment-runs.js';
import { parsePythonFile } from '../../../functions/validator/python/parser.js';
import { descendantsOfType } from '../../../functions/validator/python/syntax-tree.js';
import { syntaxErrors } from './syntax-errors-of.js';

const PADDING = '        # padding to make a large file';

/** A method whose body is followed by `count` comment lines, then more code at the given indentation. */
function commentedMethod(count: number, after: string): string {
  return [
    'class A:',
    '    def f(self):',
    '        return 1',
    ...Array.from({ length: count }, () => PADDING),
    after,
    '',
  ].join('\n');
}

describe('blankRepeatedCommentLines', () => {
  it('keeps the first comment line of a run and blanks the others, at the same length', () => {
    // Prepare
    const source = 'x = 1  # trailing\n# first\n  # second\n\n# third\r\ny = 2\n# alone\n';

    // Act
    const result = blankRepeatedCommentLines(source);

    // Assess
    expect(result).toBe('x = 1  # trailing\n# first\n          \n\n       \r\ny = 2\n# alone\n');
    expect(result?.length).toBe(source.length);
  });

  it('leaves lines inside triple-quoted strings alone, and returns undefined when nothing changes', () => {
    // Prepare
    const source = 'x = """\n# not a comment\n# nor this\n"""\n# one comment\n';

    // Act
    const result = blankRepeatedCommentLines(source);

    // Assess
    expect(result).toBeUndefined();
  });

  it('does not take a line with other whitespace before # for a comment (CPython rejects it)', () => {
    // Prepare
    const source = '# first\n\u00a0# second\n';

    // Act
    const result = blankRepeatedCommentLines(source);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe('parsePythonFile on long runs of comments', () => {
  it('hands the parser one comment per run, so its read-ahead over the run happens once, not once per line', () => {
    // Prepare: tree-sitter-python's scanner reads ahead over every comment line that follows a comment
    const content = commentedMethod(2000, '    def g(self):\n        return 2');

    // Act
    const parsed = parsePythonFile({ name: 'alpha.py', content });
    const comments = descendantsOfType(parsed.tree.rootNode, 'comment').length;
    const methods = descendantsOfType(parsed.tree.rootNode, 'function_definition').length;
    parsed.tree.delete();

    // Assess
    expect(parsed.diagnostics).toEqual([]);
    expect(comments).toBe(1);
    expect(methods).toBe(2);
  });

  it('reports an error after the run at its own line and column', () => {
    // Prepare
    const content = commentedMethod(2000, '    def g(self)\n        return 2');

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["2004:16 missing ':' at the end of the 'def' line"]);
  });

  it('still finds a block that holds only comments', () => {
    // Prepare
    const content = 'def f():\n    # nothing here\n    # nor here\nx = 1\n';

    // Act
    const errors = syntaxErrors(content);

    // Assess
    expect(errors).toEqual(["4:1 expected an indented block after the 'def' line (line 1)"]);
  });
});
