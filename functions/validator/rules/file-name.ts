import type { Diagnostic } from '../diagnostic.js';
import { START_OF_FILE, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'file-name';
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every file appears once, and every .py file can be imported: each part of its path is a Python
 * identifier. QuantConnect accepts any such name (CamelCase, folders) and other files (notebooks, data).
 */
export const fileNameRule: ValidationRule = {
  id: RULE,
  description:
    'Each file appears once, and each .py file has a name Python can import (a warning otherwise).',
  check: (project) => {
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const file of project.files) {
      if (seen.has(file.name)) {
        diagnostics.push(
          staticDiagnostic(
            file.name,
            START_OF_FILE,
            'error',
            RULE,
            `'${file.name}' appears more than once in the project`,
          ),
        );
      }
      seen.add(file.name);
      if (file.name.endsWith('.py') && !isImportable(file.name)) {
        diagnostics.push(
          staticDiagnostic(file.name, START_OF_FILE, 'warning', RULE, explainBadName(file.name)),
        );
      }
    }
    return diagnostics;
  },
};

function isImportable(name: string): boolean {
  return name
    .slice(0, -'.py'.length)
    .split('/')
    .every((part) => IDENTIFIER.test(part));
}

function explainBadName(name: string): string {
  const suggestion = name
    .slice(0, -'.py'.length)
    .split('/')
    .map((part) => part.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^([0-9])/, '_$1') || 'module')
    .join('/');
  return `'${name}' cannot be imported by other files: Python module names are letters, digits and '_', not starting with a digit, such as ${suggestion}.py`;
}
