import type { LeanCatalog } from '../catalog/lean-catalog.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Project } from '../project/project.js';
import { staticDiagnostic } from '../static-diagnostic.js';
import type { Report } from './api-rule-ids.js';
import { checkCall } from './call-checks.js';
import { catalogNameResolver } from './catalog-names.js';
import { type AnalyzedModule, buildClassModels } from './class-models.js';
import { createDeadCodeCheck } from './dead-code.js';
import { checkAttribute } from './member-checks.js';
import { collectModuleFacts } from './module-facts.js';
import { plainTreeOf } from './plain-tree.js';
import { TypeInference } from './type-inference.js';
import type { AlgorithmReceiver } from './value-types.js';

/**
 * Runs every LEAN API check over a project once and returns all findings (each under its rule's id). Modules
 * with syntax errors are left to the syntax-error rule: their trees are not reliable enough to judge names on.
 */
export function analyzeProjectApi(project: Project, catalog: LeanCatalog): Diagnostic[] {
  const [algorithmKey] = catalog.globalKeys('QCAlgorithm');
  if (algorithmKey === undefined) return [];
  const modules: AnalyzedModule[] = [];
  for (const module of project.modules.values()) {
    if (module.hasSyntaxErrors) continue;
    const facts = collectModuleFacts(plainTreeOf(module.parsed.tree, module.parsed.source));
    modules.push({ module, facts, catalogNames: catalogNameResolver(project, module, catalog) });
  }
  const models = buildClassModels(project, modules, catalog);
  const usesReflection = modules.some((entry) => entry.facts.usesReflection);
  const algorithms = [...models.values()].filter((model) => model.role.kind === 'algorithm');
  const userNames = new Set<string>();
  for (const model of algorithms) for (const name of model.familyNames) userNames.add(name);
  for (const { facts } of modules) {
    for (const name of facts.otherStores) userNames.add(name);
    for (const name of facts.reflectedNames) userNames.add(name);
  }
  const hookAlgorithm: AlgorithmReceiver = {
    certain:
      algorithms.length > 0 &&
      !usesReflection &&
      algorithms.every((model) => model.role.basesKnown && !model.dynamicAttributes),
    userNames,
    model: undefined,
  };
  const inference = new TypeInference({
    catalog,
    algorithmKey,
    algorithmParameterKeys: new Set([algorithmKey, ...catalog.globalKeys('IAlgorithm')]),
    models,
    modules: new Map(modules.map((entry) => [entry.facts.tree.root, entry])),
    hookAlgorithm,
    usesReflection,
  });
  const diagnostics: Diagnostic[] = [];
  const deadFunction = createDeadCodeCheck(modules.map((entry) => entry.facts.tree.source));
  for (const { module, facts } of modules) {
    const report: Report = (at, severity, rule, message) => {
      const dead = severity === 'error' ? deadFunction(at, facts.tree) : undefined;
      diagnostics.push(
        dead === undefined
          ? staticDiagnostic(module.file.name, facts.tree.positionOf(at), severity, rule, message)
          : staticDiagnostic(
              module.file.name,
              facts.tree.positionOf(at),
              'warning',
              rule,
              `${message} (in ${dead}, which nothing calls, so it cannot fail a run)`,
            ),
      );
    };
    for (const use of facts.attributes) checkAttribute(use, inference, report);
    for (const call of facts.calls) checkCall(call.node, call.scope, inference, report);
  }
  return diagnostics;
}
