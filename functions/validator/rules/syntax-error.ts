import { SYNTAX_ERROR_RULE } from '../python/parser.js';
import type { ValidationRule } from '../validation-rule.js';

/** Reports what parsePythonFile found in each .py file. */
export const syntaxErrorRule: ValidationRule = {
  id: SYNTAX_ERROR_RULE,
  description:
    'Each .py file parses as Python 3 (tree-sitter errors plus what CPython 3 refuses to compile).',
  check: (project) => [...project.modules.values()].flatMap((module) => module.parsed.diagnostics),
};
