import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import { findMethod, resolveBase } from '../project/class-hierarchy.js';
import type { Project } from '../project/project.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { callsOf, memberCallsIn } from './code-patterns.js';
import { FAMILY_MEMBERS, FAMILY_ROOTS, familiesOfLeanNames, type ModelFamily } from './lean-hooks.js';
import {
  type LeanAncestry,
  leanAncestry,
  type ProjectClass,
  projectClasses,
  resolveClassReference,
} from './project-classes.js';

const RULE = 'framework-model';

/** The hooks LEAN's base class leaves unimplemented (it raises NotImplementedException): one must exist. */
const REQUIRED_HOOKS: Partial<Record<ModelFamily, readonly string[]>> = {
  alpha: ['update', 'Update'],
  portfolio: ['create_targets', 'CreateTargets', 'determine_target_percent', 'DetermineTargetPercent'],
  risk: ['manage_risk', 'ManageRisk'],
  execution: ['execute', 'Execute'],
};

/** The QCAlgorithm methods that install a framework model, and the family each expects. */
const MODEL_SETTERS: ReadonlyMap<string, ModelFamily> = new Map([
  ...pair('set_alpha', 'SetAlpha', 'alpha'),
  ...pair('add_alpha', 'AddAlpha', 'alpha'),
  ...pair('set_portfolio_construction', 'SetPortfolioConstruction', 'portfolio'),
  ...pair('set_risk_management', 'SetRiskManagement', 'risk'),
  ...pair('add_risk_management', 'AddRiskManagement', 'risk'),
  ...pair('set_execution', 'SetExecution', 'execution'),
  ...pair('set_universe_selection', 'SetUniverseSelection', 'universe'),
  ...pair('add_universe_selection', 'AddUniverseSelection', 'universe'),
]);

function pair(snake: string, pascal: string, family: ModelFamily): [string, ModelFamily][] {
  return [
    [snake, family],
    [pascal, family],
  ];
}

/** Framework models derive from the right LEAN base and implement the hook their base leaves abstract. */
export const frameworkModelRule: ValidationRule = {
  id: RULE,
  description:
    'Models passed to set_alpha, set_risk_management, ... derive from the matching LEAN base and implement its hook.',
  check: (project) => {
    const classes = projectClasses(project);
    return [
      ...classes.flatMap((owner) => missingHook(project, classes, owner)),
      ...classes.filter((owner) => owner.isAlgorithm).flatMap((owner) => checkSetters(project, owner)),
    ];
  },
};

function missingHook(project: Project, classes: readonly ProjectClass[], owner: ProjectClass): Diagnostic[] {
  if (!owner.ancestry.complete) return [];
  const diagnostics: Diagnostic[] = [];
  for (const family of owner.families) {
    const required = REQUIRED_HOOKS[family];
    if (required === undefined) continue;
    // A LEAN class between the root and this one (EqualWeightingPortfolioConstructionModel, ...) implements it.
    const members = [...owner.ancestry.names].filter((name) => FAMILY_MEMBERS[family].has(name));
    if (members.some((name) => name !== FAMILY_ROOTS[family])) continue;
    if (findMethod(project, owner.module, owner.definition, required) !== 'missing') continue;
    if (!isInstantiated(project, owner) || hasProjectSubclass(project, classes, owner)) continue;
    const hooks = required.filter((_name, index) => index % 2 === 0).join(' or ');
    diagnostics.push(
      staticDiagnostic(
        owner.module.file.name,
        positionOf(owner.definition.node),
        'error',
        RULE,
        `${owner.definition.name} derives from ${FAMILY_ROOTS[family]} but defines no ${hooks}: LEAN's ${FAMILY_ROOTS[family]} raises NotImplementedException when it calls it`,
      ),
    );
  }
  return diagnostics;
}

/** Whether some module calls the class (`MyAlpha(...)` or `alpha.MyAlpha(...)`). */
function isInstantiated(project: Project, owner: ProjectClass): boolean {
  const name = owner.definition.name;
  for (const module of project.modules.values()) {
    if (!module.file.content.includes(`${name}(`)) continue;
    for (const call of callsOf(module)) {
      const callee = call.childForFieldName('function');
      if (callee === null) continue;
      const simple = callee.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
      if (simple?.type === 'identifier' && simple.text === name) return true;
    }
  }
  return false;
}

function hasProjectSubclass(
  project: Project,
  classes: readonly ProjectClass[],
  owner: ProjectClass,
): boolean {
  return classes.some((candidate) =>
    candidate.definition.bases.some((base) => {
      const resolved = resolveBase(project, candidate.module, base);
      return resolved.kind === 'project' && resolved.definition === owner.definition;
    }),
  );
}

const SETTER_TEXT =
  /\b(?:set_alpha|SetAlpha|add_alpha|AddAlpha|set_portfolio_construction|SetPortfolioConstruction|set_risk_management|SetRiskManagement|add_risk_management|AddRiskManagement|set_execution|SetExecution|set_universe_selection|SetUniverseSelection|add_universe_selection|AddUniverseSelection)\s*\(/;

function checkSetters(project: Project, owner: ProjectClass): Diagnostic[] {
  if (!SETTER_TEXT.test(owner.node.text)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const method of owner.methods) {
    if (method.selfName === undefined) continue;
    for (const setter of memberCallsIn(method.node, method.selfName, new Set(MODEL_SETTERS.keys()))) {
      const expected = MODEL_SETTERS.get(setter.name);
      const model = modelArgument(setter.arguments);
      if (expected === undefined || model === undefined) continue;
      const finding = checkModel(project, owner, model, expected, setter.name);
      if (finding !== undefined) diagnostics.push(finding);
    }
  }
  return diagnostics;
}

/** The class a setter's first argument instantiates (`set_alpha(MyAlpha(...))`), as its callee node. */
function modelArgument(parameters: readonly SyntaxNode[]): SyntaxNode | undefined {
  const first = parameters[0];
  const value = first?.type === 'keyword_argument' ? first.childForFieldName('value') : first;
  if (value?.type !== 'call') return undefined;
  return value.childForFieldName('function') ?? undefined;
}

function checkModel(
  project: Project,
  owner: ProjectClass,
  callee: SyntaxNode,
  expected: ModelFamily,
  setter: string,
): Diagnostic | undefined {
  const resolved = resolveClassReference(project, owner.module, callee);
  const root = FAMILY_ROOTS[expected];
  const error = (message: string) =>
    staticDiagnostic(owner.module.file.name, positionOf(callee), 'error', RULE, message);
  if (resolved.kind === 'unknown') return undefined;
  const ancestry: LeanAncestry =
    resolved.kind === 'lean'
      ? { names: new Set([resolved.name]), complete: true }
      : leanAncestry(project, resolved.module, resolved.definition);
  if (!ancestry.complete) return undefined;
  const families = familiesOfLeanNames(ancestry.names);
  if (families.includes(expected)) return undefined;
  const name = callee.text;
  const other = families[0];
  if (other !== undefined) {
    return error(
      `${setter} takes ${article(root)} ${root}, but ${name} is ${article(FAMILY_ROOTS[other])} ${FAMILY_ROOTS[other]}: pass it to the matching setter or derive it from ${root}`,
    );
  }
  if (resolved.kind === 'lean') return undefined;
  // LEAN wraps a class that derives from no model base and calls its hooks by name (duck typing).
  const required = REQUIRED_HOOKS[expected];
  if (required === undefined) return undefined;
  if (findMethod(project, resolved.module, resolved.definition, required) !== 'missing') return undefined;
  return error(
    `${setter} takes ${article(root)} ${root}, but ${name} neither derives from ${root} nor defines ${required[0]}: LEAN cannot call it`,
  );
}

function article(noun: string): string {
  return /^[AEIOU]/.test(noun) ? 'an' : 'a';
}
