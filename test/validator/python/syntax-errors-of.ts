import { parsePythonFile } from '../../../functions/validator/python/parser.js';

/** The syntax diagnostics of one snippet as `line:column message`; the tree is freed. */
export function syntaxErrors(content: string): string[] {
  const parsed = parsePythonFile({ name: 'main.py', content });
  parsed.tree.delete();
  return parsed.diagnostics.map(
    (diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`,
  );
}
