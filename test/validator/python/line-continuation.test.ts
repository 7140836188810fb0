import { describe, expect, it } from 'vitest';
import { parsePythonFile } from '../../../functions/validator/python/parser.js';

function diagnosticsOf(content: string) {
  const parsed = parsePythonFile({ name: 'alpha.py', content });
  parsed.tree.delete();
  return parsed.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.column, diagnostic.message]);
}

describe('a line continuation with something after it', () => {
  it('is reported at the backslash, alone, instead of the noise tree-sitter recovers into', () => {
    // Prepare: inside brackets, a commented backslash makes tree-sitter give up at the top of the file
    const content = [
      'from AlgorithmImports import *',
      '',
      'def puts(chain, expiry):',
      '    return [c for c in chain',
      '            if c.right == OptionRight.PUT and \\  # puts only',
      '            c.expiry == expiry]',
      '',
    ].join('\n');

    // Act
    const diagnostics = diagnosticsOf(content);

    // Assess
    expect(diagnostics).toEqual([
      [
        5,
        47,
        "a comment after the line-continuation '\\': a '\\' that continues a line must be its last character (move the comment to its own line, or drop the \\ inside brackets)",
      ],
    ]);
  });

  it('is reported when only spaces follow the backslash', () => {
    expect(diagnosticsOf('total = 1 + \\ \n    2\n')).toEqual([
      [
        1,
        13,
        "spaces after the line-continuation '\\': a '\\' that continues a line must be its last character",
      ],
    ]);
  });

  it('is not reported for backslashes in strings, raw strings, comments, or a proper continuation', () => {
    // Prepare
    const content = [
      'path = "C:\\\\data\\\\prices.csv"  # a \\ in a comment',
      "pattern = r'\\d+\\.\\d+'",
      'text = """a \\ in a',
      'triple-quoted \\ string"""',
      'total = 1 + \\',
      '    2',
      '',
    ].join('\n');

    // Act / Assess
    expect(diagnosticsOf(content)).toEqual([]);
  });
});
