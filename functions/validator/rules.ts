import { algorithmClassRule } from './rules/algorithm-class.js';
import { circularImportRule } from './rules/circular-import.js';
import { contractClassRule } from './rules/contract-class.js';
import { entryFileRule } from './rules/entry-file.js';
import { fileNameRule } from './rules/file-name.js';
import { importUnknownRule, importUnresolvedRule } from './rules/imports.js';
import { missingAlgorithmImportsRule } from './rules/missing-algorithm-imports.js';
import { syntaxErrorRule } from './rules/syntax-error.js';
import type { ValidationRule } from './validation-rule.js';

/**
 * The project-structure rules every validation runs. Further rules (the LEAN API checks) are passed next to
 * these through validateProject's `rules` option; ids must stay unique.
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
];

/** The rule with this id among `rules` (the project rules by default). */
export function findRule(
  id: string,
  rules: readonly ValidationRule[] = PROJECT_RULES,
): ValidationRule | undefined {
  return rules.find((rule) => rule.id === id);
}
