import type { Diagnostic } from '../diagnostic.js';
import { topLevelModule } from '../environment/python-environment.js';
import { type ImportTarget, resolveImport, submoduleOf } from '../project/import-resolution.js';
import { lookupModuleName } from '../project/module-exports.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';
import type { ImportedName, PythonImport } from '../python/imports.js';
import { didYouMean, editDistance, similarNames } from '../similar-names.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const UNRESOLVED = 'import-unresolved';
const UNKNOWN = 'import-unknown';

/** Imports of project modules resolve, and so do the names imported from them. */
export const importUnresolvedRule: ValidationRule = {
  id: UNRESOLVED,
  description:
    'Imports of project modules name an existing file, and each imported name is defined at its top level.',
  check: (project) => importFindings(project).filter((diagnostic) => diagnostic.rule === UNRESOLVED),
};

/** Imports of other modules name a library QuantConnect provides. */
export const importUnknownRule: ValidationRule = {
  id: UNKNOWN,
  description:
    'Modules that are not project files are libraries QuantConnect provides (a warning otherwise).',
  check: (project) => importFindings(project).filter((diagnostic) => diagnostic.rule === UNKNOWN),
};

/** Both rules read one pass over the imports; the project object is the cache key. */
const findingsByProject = new WeakMap<Project, Diagnostic[]>();

function importFindings(project: Project): Diagnostic[] {
  const cached = findingsByProject.get(project);
  if (cached !== undefined) return cached;
  const findings: Diagnostic[] = [];
  for (const module of project.modules.values()) {
    for (const pythonImport of module.imports) {
      // A guarded import has a fallback, and a TYPE_CHECKING one never runs.
      if (pythonImport.runs === 'never' || pythonImport.guarded) continue;
      findings.push(...checkImport(project, module, pythonImport));
    }
  }
  findingsByProject.set(project, findings);
  return findings;
}

function checkImport(project: Project, module: PythonModule, pythonImport: PythonImport): Diagnostic[] {
  const target = resolveImport(project, module, pythonImport);
  const at = (rule: string, severity: Diagnostic['severity'], node: ImportedName['node'], message: string) =>
    staticDiagnostic(module.file.name, positionOf(node), severity, rule, message);
  switch (target.kind) {
    case 'module':
      if (pythonImport.kind !== 'from' || target.module.hasSyntaxErrors) return [];
      return pythonImport.names.flatMap((imported) => {
        const found = lookupModuleName(project, target.module, imported.name);
        if (found !== 'missing') return [];
        return [
          at(UNRESOLVED, 'error', imported.node, missingNameMessage(project, target.module, imported.name)),
        ];
      });
    case 'package':
      if (pythonImport.kind !== 'from') return [];
      return pythonImport.names.flatMap((imported) =>
        submoduleOf(project, target, imported.name) !== undefined
          ? []
          : [
              at(
                UNRESOLVED,
                'error',
                imported.node,
                `'${target.name || '.'}' is a folder of project files without a module '${imported.name}'`,
              ),
            ],
      );
    case 'not-a-package':
      return [
        at(
          UNRESOLVED,
          'error',
          pythonImport.node,
          `'${target.name}' does not exist: ${target.module.file.name} is a module, not a package; import names from it with 'from ${target.module.name} import ...'`,
        ),
      ];
    case 'relative-unresolved':
      return [
        at(
          UNRESOLVED,
          'error',
          pythonImport.node,
          `relative import '${target.name}' matches no project file`,
        ),
      ];
    case 'external':
      return checkExternal(project, pythonImport, target, at);
  }
}

type Reporter = (
  rule: string,
  severity: Diagnostic['severity'],
  node: ImportedName['node'],
  message: string,
) => Diagnostic;

function checkExternal(
  project: Project,
  pythonImport: PythonImport,
  target: Extract<ImportTarget, { kind: 'external' }>,
  at: Reporter,
): Diagnostic[] {
  if (project.environment.availableModules.has(topLevelModule(target.name))) return [];
  const intended = intendedProjectModule(project, pythonImport, target.name);
  if (intended !== undefined) return [at(UNRESOLVED, 'error', pythonImport.node, intended)];
  return [
    at(
      UNKNOWN,
      'warning',
      pythonImport.node,
      `'${target.name}' is neither a project file nor a library QuantConnect provides`,
    ),
  ];
}

/** Why an unknown module is most likely a broken reference to a project file, or undefined when it is not. */
function intendedProjectModule(
  project: Project,
  pythonImport: PythonImport,
  name: string,
): string | undefined {
  const planned = project.contract?.find((entry) => entry.file === `${name}.py`);
  if (planned !== undefined) {
    return `there is no ${planned.file} in the project (the plan puts class ${planned.className} there)`;
  }
  const moduleNames = [...project.modules.keys()];
  const typo = moduleNames.filter((candidate) => editDistance(candidate, name) <= 2 && name.length >= 4);
  if (typo.length > 0) return `no project file or library is named '${name}'${didYouMean(typo)}`;
  const imported = pythonImport.names.map((entry) => entry.name);
  const holder = [...project.modules.values()].find(
    (module) => imported.length > 0 && imported.every((entry) => isOwnDefinition(module, entry)),
  );
  if (holder !== undefined) {
    return `no project file or library is named '${name}': ${imported.join(', ')} ${imported.length > 1 ? 'are' : 'is'} defined in ${holder.file.name}; import from ${holder.name}`;
  }
  return undefined;
}

function isOwnDefinition(module: PythonModule, name: string): boolean {
  const binding = module.names.get(name);
  return binding !== undefined && binding.kind !== 'import';
}

function missingNameMessage(project: Project, module: PythonModule, name: string): string {
  const elsewhere = [...project.modules.values()].find(
    (other) => other !== module && isOwnDefinition(other, name),
  );
  if (elsewhere !== undefined) {
    return `${module.file.name} does not define '${name}'; it is defined in ${elsewhere.file.name}: import it from ${elsewhere.name}`;
  }
  const own = [...module.names.values()]
    .filter((binding) => binding.kind !== 'import')
    .map((binding) => binding.name);
  return `${module.file.name} does not define '${name}'${didYouMean(similarNames(name, own))}`;
}
