import { PROJECT_FILE_NAME } from '../../agents/roles.js';
import type { Diagnostic } from '../diagnostic.js';
import { START_OF_FILE, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'file-name';

/** Every file is a lower-case Python module at the project root, or README.md, and appears once. */
export const fileNameRule: ValidationRule = {
  id: RULE,
  description:
    'File names are lower-case Python modules at the project root (alpha.py) or README.md, each once.',
  check: (project) => {
    const diagnostics: Diagnostic[] = [];
    const seen = new Set<string>();
    for (const file of project.files) {
      if (seen.has(file.name)) {
        diagnostics.push(error(file.name, `'${file.name}' appears more than once in the project`));
      }
      seen.add(file.name);
      if (!PROJECT_FILE_NAME.test(file.name)) diagnostics.push(error(file.name, explainBadName(file.name)));
    }
    return diagnostics;
  },
};

function error(file: string, message: string): Diagnostic {
  return staticDiagnostic(file, START_OF_FILE, 'error', RULE, message);
}

function explainBadName(name: string): string {
  if (!name.endsWith('.py')) {
    return `'${name}' is not a Python file: a QuantConnect project holds .py modules and README.md only`;
  }
  const suggestion = `${
    name
      .slice(0, -'.py'.length)
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^([0-9])/, '_$1') || 'module'
  }.py`;
  return `'${name}' is not a valid module file name: use lower-case letters, digits and '_' at the project root, such as ${suggestion}`;
}
