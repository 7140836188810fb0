import type { Diagnostic } from '../diagnostic.js';
import { findMethod } from '../project/class-hierarchy.js';
import type { Project } from '../project/project.js';
import { clip, descendantsOfType } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { acceptsArgumentCount, memberAccess } from './code-patterns.js';
import { FAMILY_MEMBERS, FAMILY_ROOTS, LEAN_HOOKS, type LeanFamily, type LeanHook } from './lean-hooks.js';
import { type ClassMethod, type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'hook-signature';

/** The methods LEAN calls on algorithms, framework models, custom data and indicators take what LEAN passes. */
export const hookSignatureRule: ValidationRule = {
  id: RULE,
  description:
    'Methods LEAN calls (on_data, AlphaModel.update, PythonData.reader, ...) accept the arguments LEAN passes.',
  check: (project) => {
    const registersIndicators = [...project.modules.values()].some((module) =>
      INDICATOR_REGISTRATION.test(module.file.content),
    );
    return projectClasses(project).flatMap((owner) => checkClass(project, owner, registersIndicators));
  },
};

/** LEAN calls a Python indicator's update only once the indicator is registered or warmed up through it. */
const INDICATOR_REGISTRATION =
  /\b(?:register_indicator|RegisterIndicator|warm_up_indicator|WarmUpIndicator)\b/;

function checkClass(project: Project, owner: ProjectClass, registersIndicators: boolean): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const checked = new Set<ClassMethod>();
  let callbacks: Set<string> | undefined;
  for (const family of owner.hookFamilies.filter((candidate) =>
    routesHooks(owner, candidate, registersIndicators),
  )) {
    for (const hook of LEAN_HOOKS[family]) {
      for (const method of owner.methods) {
        if (method.name !== hook.snake && method.name !== hook.pascal) continue;
        if (method.decorated || checked.has(method) || accepts(method, hook)) continue;
        if (overridesCaller(project, owner, hook)) continue;
        callbacks ??= referencedMethods(owner);
        if (callbacks.has(method.name)) continue;
        checked.add(method);
        diagnostics.push(mismatch(owner, method, family, hook));
      }
    }
  }
  return diagnostics;
}

/**
 * Whether LEAN calls the family's hooks on this Python class. The Coarse/Fine/QC500 fundamental models call
 * their selectors (passed to the constructor), not methods a subclass overrides, so only direct subclasses
 * of FundamentalUniverseSelectionModel have select/select_coarse/select_fine hooks. A Python indicator the
 * algorithm only updates by hand may give update any signature.
 */
function routesHooks(owner: ProjectClass, family: LeanFamily, registersIndicators: boolean): boolean {
  if (family === 'custom-indicator') return registersIndicators;
  if (family !== 'fundamental-universe') return true;
  return [...owner.ancestry.names].every(
    (name) => name === FAMILY_ROOTS[family] || !FAMILY_MEMBERS[family].has(name),
  );
}

/** Methods the class hands out as values (`super().__init__(self.select_coarse)`): callbacks with their own signature. */
function referencedMethods(owner: ProjectClass): Set<string> {
  const names = new Set<string>();
  const methodNames = new Set(owner.methods.map((method) => method.name));
  for (const method of owner.methods) {
    if (method.selfName === undefined) continue;
    for (const node of descendantsOfType(method.node, 'attribute')) {
      const access = memberAccess(node);
      if (access === undefined || access.receiver !== method.selfName || !methodNames.has(access.name))
        continue;
      if (
        node.parent?.type !== 'call' ||
        node.parent.childForFieldName('function')?.startIndex !== node.startIndex
      )
        names.add(access.name);
    }
  }
  return names;
}

/** Whether the class overrides the LEAN hook that calls `hook`, so that LEAN never calls `hook` itself. */
function overridesCaller(project: Project, owner: ProjectClass, hook: LeanHook): boolean {
  if (hook.calledFrom === undefined) return false;
  return findMethod(project, owner.module, owner.definition, hook.calledFrom) !== 'missing';
}

function accepts(method: ClassMethod, hook: LeanHook): boolean {
  for (let count = hook.fewest; count <= hook.parameters.length; count += 1) {
    if (acceptsArgumentCount(method.parameters, count, true)) return true;
  }
  return false;
}

function mismatch(owner: ProjectClass, method: ClassMethod, family: LeanFamily, hook: LeanHook): Diagnostic {
  const forms =
    hook.fewest < hook.parameters.length
      ? [hook.parameters.slice(0, hook.fewest), hook.parameters]
      : [hook.parameters];
  const expected = forms
    .map((parameters) => `${method.name}(${['self', ...parameters].join(', ')})`)
    .join(' or ');
  const written = clip(method.node.childForFieldName('parameters')?.text ?? '()', 60);
  const message = `LEAN calls ${FAMILY_ROOTS[family]}.${method.name} as ${expected}, but ${owner.definition.name} defines ${method.name}${written}: the call fails with a TypeError`;
  return staticDiagnostic(
    owner.module.file.name,
    positionOf(method.node.childForFieldName('name') ?? method.node),
    'error',
    RULE,
    message,
  );
}
