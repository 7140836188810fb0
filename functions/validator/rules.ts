import { API_RULES } from './api/api-rules.js';
import { algorithmClassRule } from './rules/algorithm-class.js';
import { circularImportRule } from './rules/circular-import.js';
import { contractClassRule } from './rules/contract-class.js';
import { entryFileRule } from './rules/entry-file.js';
import { fileNameRule } from './rules/file-name.js';
import { importUnknownRule, importUnresolvedRule } from './rules/imports.js';
import { missingAlgorithmImportsRule } from './rules/missing-algorithm-imports.js';
import { PITFALL_RULES } from './rules/pitfall-rules.js';
import { syntaxErrorRule } from './rules/syntax-error.js';
import type { ValidationRule } from './validation-rule.js';

/**
 * Every rule a validation runs by default: project structure, QuantConnect pitfalls, then the LEAN API
 * checks against the catalog. Callers may pass their own list through validateProject's `rules` option;
 * ids must stay unique.
 */
export const PROJECT_RULES: readonly ValidationRule[] = [
  syntaxErrorRule,
  fileNameRule,
  entryFileRule,
  algorithmClassRule,
  importUnresolvedRule,
  importUnknownRule,
  contractClassRule,
  circularImportRule,
  missingAlgorithmImportsRule,
  ...PITFALL_RULES,
  ...API_RULES,
];

/** The rule with this id among `rules` (the project rules by default). */
export function findRule(
  id: string,
  rules: readonly ValidationRule[] = PROJECT_RULES,
): ValidationRule | undefined {
  return rules.find((rule) => rule.id === id);
}
