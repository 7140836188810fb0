import type { Diagnostic } from '../diagnostic.js';
import { starImportsLean } from '../project/module-exports.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';
import { unboundNameUses } from '../python/names.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'missing-algorithm-imports';
const LISTED_NAMES = 4;

/** A module that names LEAN types must import them; each module has its own namespace. */
export const missingAlgorithmImportsRule: ValidationRule = {
  id: RULE,
  description:
    "A .py file that uses LEAN names imports them (from AlgorithmImports import *), or they're undefined.",
  check: (project) => [...project.modules.values()].flatMap((module) => checkModule(project, module)),
};

function checkModule(project: Project, module: PythonModule): Diagnostic[] {
  if (module.hasSyntaxErrors || starImportsLean(project, module) !== 'missing') return [];
  const known = project.environment.algorithmImportsNames;
  const uses = [...unboundNameUses(module.parsed.tree.rootNode)].filter(([name]) => known.has(name));
  if (uses.length === 0) return [];
  uses.sort(([, left], [, right]) => left.startIndex - right.startIndex);
  const first = uses[0]?.[1];
  if (first === undefined) return [];
  const names = uses.map(([name]) => name);
  const listed = names.slice(0, LISTED_NAMES).join(', ') + (names.length > LISTED_NAMES ? ', ...' : '');
  return [
    staticDiagnostic(
      module.file.name,
      positionOf(first),
      'warning',
      RULE,
      `${module.file.name} uses ${listed} without importing them: add 'from AlgorithmImports import *' at the top`,
    ),
  ];
}
