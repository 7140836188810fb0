import { START_OF_FILE, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'entry-file';
const ENTRY_FILE = 'main.py';

/** LEAN runs the algorithm class of main.py; without the file nothing runs. */
export const entryFileRule: ValidationRule = {
  id: RULE,
  description: 'The project has a main.py (LEAN loads the algorithm from it).',
  check: (project) => {
    if (project.files.some((file) => file.name === ENTRY_FILE)) return [];
    const bases = project.environment.algorithmBaseClasses;
    const holder = [...project.modules.values()].find((module) =>
      module.classes.some((definition) => definition.bases.some((base) => bases.has(base.simpleName))),
    );
    const message =
      holder === undefined
        ? 'the project has no main.py: LEAN loads the QCAlgorithm subclass from main.py'
        : `the project has no main.py: the QCAlgorithm subclass is in ${holder.file.name}; rename ${holder.file.name} to main.py`;
    return [staticDiagnostic(ENTRY_FILE, START_OF_FILE, 'error', RULE, message)];
  },
};
