import type { FileContract } from '../../agents/plan.js';
import type { Diagnostic } from '../diagnostic.js';
import { derivesFrom, findMethod } from '../project/class-hierarchy.js';
import type { Project } from '../project/project.js';
import { moduleNameOf, type PythonModule } from '../project/python-module.js';
import type { PythonClass } from '../python/definitions.js';
import { similarNames } from '../similar-names.js';
import { positionOf, START_OF_FILE, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'contract-class';

/** Each file of the plan's contract defines the class the other files were written against. */
export const contractClassRule: ValidationRule = {
  id: RULE,
  description:
    "Each contract file defines the contract's class, deriving from its base class, and __init__ accepts the contract's parameters.",
  check: (project) => (project.contract ?? []).flatMap((entry) => checkEntry(project, entry)),
};

function checkEntry(project: Project, entry: FileContract): Diagnostic[] {
  const moduleName = moduleNameOf(entry.file);
  const module = moduleName === undefined ? undefined : project.modules.get(moduleName);
  if (module === undefined) {
    // A missing main.py is entry-file's finding.
    if (entry.file === 'main.py') return [];
    return [
      staticDiagnostic(
        entry.file,
        START_OF_FILE,
        'error',
        RULE,
        `the plan needs ${entry.file} with class ${entry.className}(${entry.baseClass}), but the project has no ${entry.file}`,
      ),
    ];
  }
  if (module.hasSyntaxErrors) return [];
  const definition = module.classes.find((candidate) => candidate.name === entry.className);
  if (definition === undefined) return [missingClass(module, entry)];
  return [
    ...checkBase(project, module, definition, entry),
    ...checkConstructor(project, module, definition, entry),
  ];
}

function missingClass(module: PythonModule, entry: FileContract): Diagnostic {
  const similar = similarNames(
    entry.className,
    module.classes.map((candidate) => candidate.name),
  );
  const renamed = module.classes.find((candidate) => candidate.name === similar[0]) ?? onlyClass(module);
  const message = `${module.file.name} has no class ${entry.className}, the name the plan gives the other files`;
  if (renamed === undefined) return staticDiagnostic(module.file.name, START_OF_FILE, 'error', RULE, message);
  return staticDiagnostic(
    module.file.name,
    positionOf(renamed.node),
    'error',
    RULE,
    `${message}; it defines ${renamed.name}: rename it to ${entry.className}`,
  );
}

function onlyClass(module: PythonModule): PythonClass | undefined {
  return module.classes.length === 1 ? module.classes[0] : undefined;
}

function checkBase(project: Project, module: PythonModule, definition: PythonClass, entry: FileContract) {
  const baseName = entry.baseClass.split('.').at(-1)?.trim() ?? '';
  if (baseName === '' || baseName === 'object') return [];
  const aliases = project.environment.algorithmBaseClasses;
  const targets = aliases.has(baseName) ? aliases : new Set([baseName]);
  if (derivesFrom(project, module, definition, targets) !== 'no') return [];
  const written = definition.bases.map((base) => base.text).join(', ') || 'no base class';
  return [
    staticDiagnostic(
      module.file.name,
      positionOf(definition.node),
      'warning',
      RULE,
      `class ${definition.name} derives from ${written}, not ${baseName} as the plan says`,
    ),
  ];
}

function checkConstructor(
  project: Project,
  module: PythonModule,
  definition: PythonClass,
  entry: FileContract,
): Diagnostic[] {
  const expected = entry.constructorParameters.map((parameter) => parameter.name);
  if (expected.length === 0) return [];
  const initializer = findMethod(project, module, definition, ['__init__']);
  if (initializer === 'unknown') return [];
  if (initializer === 'missing') {
    return [
      staticDiagnostic(
        module.file.name,
        positionOf(definition.node),
        'error',
        RULE,
        `class ${definition.name} has no __init__, but the plan constructs it with ${expected.join(', ')}: define __init__(self, ${expected.join(', ')})`,
      ),
    ];
  }
  const parameters = initializer.parameters.slice(1);
  if (parameters.some((parameter) => parameter.kind === 'var-keyword')) return [];
  const accepted = new Set(
    parameters
      .filter((parameter) => parameter.kind === 'positional' || parameter.kind === 'keyword-only')
      .map((parameter) => parameter.name),
  );
  const missing = expected.filter((name) => !accepted.has(name));
  if (missing.length === 0) return [];
  const inherited = definition.methods.get('__init__') !== initializer;
  const where = inherited ? `the __init__ ${definition.name} inherits` : `${definition.name}.__init__`;
  return [
    staticDiagnostic(
      module.file.name,
      positionOf(inherited ? definition.node : initializer.node),
      'error',
      RULE,
      `${where} does not accept ${missing.map((name) => `'${name}'`).join(', ')}, which the plan passes to it`,
    ),
  ];
}
