import { expect } from 'vitest';
import type { FileContract } from '../../../functions/agents/plan.js';
import type { SourceFile } from '../../../functions/agents/tasks.js';
import { QUANTCONNECT_ENVIRONMENT } from '../../../functions/validator/environment/python-environment.js';
import { buildProject, releaseProject } from '../../../functions/validator/project/project.js';
import type { ValidationRule } from '../../../functions/validator/validation-rule.js';

/** One rule's findings on a project, as `file:line:column severity message`, in the rule's order. */
export function runRule(
  rule: ValidationRule,
  files: readonly SourceFile[],
  contract?: FileContract[],
): string[] {
  const project = buildProject(files, contract, QUANTCONNECT_ENVIRONMENT);
  try {
    return rule.check(project).map((diagnostic) => {
      expect(diagnostic.rule).toBe(rule.id);
      return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.message}`;
    });
  } finally {
    releaseProject(project);
  }
}

/** A source file from lines of Python. */
export function python(name: string, ...lines: string[]): SourceFile {
  return { name, content: `${lines.join('\n')}\n` };
}

/** A minimal valid main.py. */
export const MAIN = python(
  'main.py',
  'from AlgorithmImports import *',
  '',
  'class Algorithm(QCAlgorithm):',
  '    def initialize(self):',
  '        self.set_cash(100000)',
);
