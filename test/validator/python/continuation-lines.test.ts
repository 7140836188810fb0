import { describe, expect, it } from 'vitest';
import { indentShallowContinuationLines } from '../../../functions/validator/python/continuation-lines.js';

describe('indentShallowContinuationLines', () => {
  it('indents bracketed lines that sit left of their statement', () => {
    // Prepare
    const source = 'def f():\n    x = (a and\nb)\n    return x\n';

    // Act
    const result = indentShallowContinuationLines(source);

    // Assess
    expect(result).toBe('def f():\n    x = (a and\n    b)\n    return x\n');
  });

  it('leaves strings, comments and deeper lines alone', () => {
    // Prepare
    const source = [
      'def f():',
      '    s = """(',
      'text"""',
      "    t = '(' # (",
      '    u = [1,',
      '         2]',
      '    return s',
      '',
    ].join('\n');

    // Act
    const result = indentShallowContinuationLines(source);

    // Assess
    expect(result).toBeUndefined();
  });

  it('does not let an unterminated quote swallow the rest of the file', () => {
    // Prepare
    const source = "def f():\n    x = 'abc\n    y = (1,\n2)\n";

    // Act
    const result = indentShallowContinuationLines(source);

    // Assess
    expect(result).toBe("def f():\n    x = 'abc\n    y = (1,\n    2)\n");
  });
});
