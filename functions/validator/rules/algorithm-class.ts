import type { Diagnostic } from '../diagnostic.js';
import { derivesFrom, findMethod } from '../project/class-hierarchy.js';
import { resolveImport } from '../project/import-resolution.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';
import type { PythonClass } from '../python/definitions.js';
import type { ImportedName } from '../python/imports.js';
import { positionOf, START_OF_FILE, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'algorithm-class';
const INITIALIZE = ['initialize', 'Initialize'];

/** main.py holds exactly one QCAlgorithm subclass, and it defines initialize. */
export const algorithmClassRule: ValidationRule = {
  id: RULE,
  description: 'main.py defines exactly one QCAlgorithm subclass, and that class defines initialize(self).',
  check: (project) => {
    const main = project.modules.get('main');
    if (main === undefined || main.hasSyntaxErrors) return [];
    const targets = project.environment.algorithmBaseClasses;
    const verdicts = main.classes.map((definition) => derivesFrom(project, main, definition, targets));
    const algorithms = main.classes.filter((_definition, index) => verdicts[index] === 'yes');
    // A class with a base the validator cannot see may well be the algorithm.
    if (algorithms.length === 0 && verdicts.includes('unknown')) return [];
    // With several candidates, the one with initialize is the algorithm and the others are the mistake.
    const algorithm =
      algorithms.find((definition) => INITIALIZE.some((name) => definition.methods.has(name))) ??
      algorithms[0];
    if (algorithm === undefined) return [missingAlgorithm(project, main)];
    const extras = algorithms.filter((definition) => definition !== algorithm);
    const diagnostics = extras.map((definition) =>
      error(
        main,
        definition,
        `main.py defines another QCAlgorithm subclass '${definition.name}' besides '${algorithm.name}' (line ${positionOf(algorithm.node).line}): LEAN needs exactly one`,
      ),
    );
    diagnostics.push(...checkInitialize(project, main, algorithm));
    return diagnostics;
  },
};

function error(module: PythonModule, definition: PythonClass, message: string): Diagnostic {
  return staticDiagnostic(module.file.name, positionOf(definition.node), 'error', RULE, message);
}

function missingAlgorithm(project: Project, main: PythonModule): Diagnostic {
  const lookalike = main.classes.find((definition) =>
    INITIALIZE.some((name) => definition.methods.has(name)),
  );
  if (lookalike !== undefined) {
    return error(
      main,
      lookalike,
      `class '${lookalike.name}' defines initialize but does not derive from QCAlgorithm: write class ${lookalike.name}(QCAlgorithm)`,
    );
  }
  const imported = importedAlgorithm(project, main);
  if (imported !== undefined) {
    return staticDiagnostic(
      main.file.name,
      positionOf(imported.node),
      'error',
      RULE,
      `main.py imports the algorithm '${imported.name}' from ${imported.from}, but LEAN only runs a QCAlgorithm subclass defined in main.py itself: move the class into main.py`,
    );
  }
  return staticDiagnostic(
    main.file.name,
    START_OF_FILE,
    'error',
    RULE,
    'main.py defines no class deriving from QCAlgorithm: LEAN has no algorithm to run',
  );
}

/** A QCAlgorithm subclass that main.py imports from another project file instead of defining it. */
function importedAlgorithm(
  project: Project,
  main: PythonModule,
): { name: string; from: string; node: ImportedName['node'] } | undefined {
  const targets = project.environment.algorithmBaseClasses;
  for (const pythonImport of main.imports) {
    if (pythonImport.kind !== 'from' || pythonImport.runs !== 'on-load') continue;
    const target = resolveImport(project, main, pythonImport);
    if (target.kind !== 'module') continue;
    for (const imported of pythonImport.names) {
      const definition = target.module.classes.find((candidate) => candidate.name === imported.name);
      if (definition === undefined) continue;
      if (derivesFrom(project, target.module, definition, targets) !== 'yes') continue;
      return { name: imported.name, from: target.module.file.name, node: imported.node };
    }
  }
  return undefined;
}

function checkInitialize(project: Project, main: PythonModule, algorithm: PythonClass): Diagnostic[] {
  const initialize = findMethod(project, main, algorithm, INITIALIZE);
  if (initialize === 'unknown') return [];
  if (initialize === 'missing') {
    return [
      error(
        main,
        algorithm,
        `algorithm class '${algorithm.name}' does not define initialize(self): LEAN calls it to set dates, cash and securities`,
      ),
    ];
  }
  // A signature inherited from a base in another file is that file's finding, not main.py's.
  if (algorithm.methods.get(initialize.name) !== initialize) return [];
  const [self, ...rest] = initialize.parameters;
  const takesSelf = self !== undefined && self.kind !== 'keyword-only' && self.kind !== 'var-keyword';
  const required = rest.filter((parameter) => !parameter.hasDefault && isPassedPositionally(parameter.kind));
  const requiredKeywords = rest.filter(
    (parameter) => parameter.kind === 'keyword-only' && !parameter.hasDefault,
  );
  if (takesSelf && required.length === 0 && requiredKeywords.length === 0) return [];
  const position = positionOf(initialize.node);
  return [
    staticDiagnostic(
      main.file.name,
      position,
      'error',
      RULE,
      `${initialize.name} must take only self: LEAN calls it with no arguments`,
    ),
  ];
}

function isPassedPositionally(kind: string): boolean {
  return kind === 'positional' || kind === 'positional-only';
}
