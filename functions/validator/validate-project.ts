import type { FileContract } from '../agents/plan.js';
import type { SourceFile } from '../agents/tasks.js';
import { QuantCoderError } from '../shared/errors.js';
import type { Diagnostic } from './diagnostic.js';
import { type PythonEnvironment, QUANTCONNECT_ENVIRONMENT } from './environment/python-environment.js';
import { buildProject, releaseProject } from './project/project.js';
import { PROJECT_RULES } from './rules.js';
import { sortDiagnostics } from './static-diagnostic.js';
import type { ValidationRule } from './validation-rule.js';

/** What validateProject checks against besides the files. */
export interface ValidateOptions {
  /** The plan's interface contract; enables the contract-class rule. */
  contract?: readonly FileContract[];
  /** The rules to run; PROJECT_RULES by default. */
  rules?: readonly ValidationRule[];
  /** What QuantConnect's Python provides; QUANTCONNECT_ENVIRONMENT by default. */
  environment?: PythonEnvironment;
}

/** Statically validates a QuantConnect Python project; diagnostics sorted by file, line and column. */
export function validateProject(files: readonly SourceFile[], options: ValidateOptions = {}): Diagnostic[] {
  const rules = options.rules ?? PROJECT_RULES;
  assertUniqueIds(rules);
  const project = buildProject(files, options.contract, options.environment ?? QUANTCONNECT_ENVIRONMENT);
  try {
    return sortDiagnostics(rules.flatMap((rule) => rule.check(project)));
  } finally {
    releaseProject(project);
  }
}

function assertUniqueIds(rules: readonly ValidationRule[]): void {
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new QuantCoderError(`two validation rules share the id '${rule.id}'`);
    ids.add(rule.id);
  }
}
