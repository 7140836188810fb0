import type { SourceFile } from '../../../functions/agents/tasks.js';
import { API_RULES } from '../../../functions/validator/api/api-rules.js';
import { validateProject } from '../../../functions/validator/index.js';
import { syntaxErrorRule } from '../../../functions/validator/rules/syntax-error.js';

/** The LEAN API rules' findings (and syntax errors, which would silence them) as `file:line:col severity rule message`. */
export function apiFindings(files: readonly SourceFile[]): string[] {
  return validateProject(files, { rules: [syntaxErrorRule, ...API_RULES] }).map(
    (diagnostic) =>
      `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.rule} ${diagnostic.message}`,
  );
}

/** A one-file project: the lines as main.py. */
export function mainPy(...lines: string[]): SourceFile[] {
  return [{ name: 'main.py', content: `${lines.join('\n')}\n` }];
}
