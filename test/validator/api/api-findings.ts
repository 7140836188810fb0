import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../functions/agents/tasks.js';
import { API_RULES } from '../../../functions/validator/api/api-rules.js';
import { SYNTAX_ERROR_RULE, validateProject } from '../../../functions/validator/index.js';
import { syntaxErrorRule } from '../../../functions/validator/rules/syntax-error.js';

const API_RULE_IDS = new Set(API_RULES.map((rule) => rule.id));

/** The LEAN API rules' findings (and syntax errors, which would silence them) as `file:line:col severity rule message`. */
export function apiFindings(files: readonly SourceFile[]): string[] {
  return validateProject(files, { rules: [syntaxErrorRule, ...API_RULES] })
    .filter((diagnostic) => API_RULE_IDS.has(diagnostic.rule) || diagnostic.rule === SYNTAX_ERROR_RULE)
    .map(
      (diagnostic) =>
        `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.rule} ${diagnostic.message}`,
    );
}

/** A one-file project: the lines as main.py. */
export function mainPy(...lines: string[]): SourceFile[] {
  return [{ name: 'main.py', content: `${lines.join('\n')}\n` }];
}

const ALGORITHMS = fileURLToPath(new URL('./algorithms', import.meta.url));

/** The valid algorithms of test/validator/api/algorithms: each .py file alone as main.py, each folder a project. */
export function validAlgorithms(): { name: string; files: SourceFile[] }[] {
  return readdirSync(ALGORITHMS)
    .sort()
    .map((entry) => {
      const location = path.join(ALGORITHMS, entry);
      if (statSync(location).isDirectory()) {
        const files = readdirSync(location)
          .filter((file) => file.endsWith('.py'))
          .sort()
          .map((file) => ({ name: file, content: readFileSync(path.join(location, file), 'utf8') }));
        return { name: entry, files };
      }
      return { name: entry, files: [{ name: 'main.py', content: readFileSync(location, 'utf8') }] };
    });
}

/** The project named `name` among validAlgorithms(). */
export function validAlgorithm(name: string): SourceFile[] {
  const found = validAlgorithms().find((algorithm) => algorithm.name === name);
  if (found === undefined) throw new Error(`no valid algorithm named ${name}`);
  return found.files;
}
