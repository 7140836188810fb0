import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import { findMethod } from '../project/class-hierarchy.js';
import type { Project } from '../project/project.js';
import { isWithin, namedChildrenOf } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import {
  enclosingFunction,
  enclosingLoop,
  isSameNode,
  type MemberCall,
  memberCall,
  memberCallsIn,
} from './code-patterns.js';
import { createsIndicator, type SelfAssignment, selfAssignments } from './indicator-patterns.js';
import { INDICATOR_HELPERS, QC_ALGORITHM_METHODS } from './lean-algorithm-names.js';
import { type ClassMethod, type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'indicator-shadowed';
const INITIALIZE = new Set(['initialize', 'Initialize']);

/** `self.rsi = self.rsi(...)` replaces QCAlgorithm's method with the indicator for every later call. */
export const indicatorShadowedRule: ValidationRule = {
  id: RULE,
  description:
    'An algorithm does not assign over a QCAlgorithm method it calls later (self.rsi = self.rsi(...)).',
  check: (project) =>
    projectClasses(project)
      .filter((owner) => owner.isAlgorithm)
      .flatMap((owner) => checkAlgorithm(project, owner)),
};

/** `<name>.<attribute> = ...` in source text; the tree is read only when one names a QCAlgorithm method. */
const ATTRIBUTE_ASSIGNMENT = /\.\s*(\w+)\s*=(?!=)/g;

function checkAlgorithm(project: Project, owner: ProjectClass): Diagnostic[] {
  const assigned = [...owner.node.text.matchAll(ATTRIBUTE_ASSIGNMENT)].map((match) => match[1] ?? '');
  if (!assigned.some((name) => QC_ALGORITHM_METHODS.has(name))) return [];
  const diagnostics: Diagnostic[] = [];
  for (const shadowing of shadowingsOf(owner)) {
    const own = findMethod(project, owner.module, owner.definition, [shadowing.name]);
    if (own !== 'missing') continue;
    const breaking = isNotCallable(owner, shadowing) ? breakingCall(owner, shadowing) : undefined;
    const at = positionOf(shadowing.target);
    const file = owner.module.file.name;
    if (breaking !== undefined) {
      const line = positionOf(breaking.call).line;
      diagnostics.push(
        staticDiagnostic(
          file,
          at,
          'error',
          RULE,
          `self.${shadowing.name} = ... replaces QCAlgorithm.${shadowing.name}, so self.${shadowing.name}(...) at line ${line} calls the assigned value and fails: name the attribute self._${shadowing.name}`,
        ),
      );
    } else if (isSameHelperCall(shadowing)) {
      diagnostics.push(
        staticDiagnostic(
          file,
          at,
          'warning',
          RULE,
          `self.${shadowing.name} = self.${shadowing.name}(...) hides the indicator helper: a later self.${shadowing.name}(...) calls the indicator; name the attribute self._${shadowing.name}`,
        ),
      );
    }
  }
  return diagnostics;
}

/** `self.<name> = value` where name is a QCAlgorithm method. */
function shadowingsOf(owner: ProjectClass): SelfAssignment[] {
  return selfAssignments(owner).filter((assignment) => QC_ALGORITHM_METHODS.has(assignment.name));
}

const LITERALS = new Set([
  'integer',
  'float',
  'string',
  'concatenated_string',
  'true',
  'false',
  'none',
  'list',
  'dictionary',
  'tuple',
  'set',
  'list_comprehension',
  'dictionary_comprehension',
  'comparison_operator',
]);

/** Whether the assigned value certainly cannot be called: an indicator, a literal, a symbol. */
function isNotCallable(owner: ProjectClass, shadowing: SelfAssignment): boolean {
  const value = shadowing.value;
  if (LITERALS.has(value.type)) return true;
  if (value.type === 'attribute') {
    const attribute = value.childForFieldName('attribute')?.text;
    return attribute === 'symbol' || attribute === 'Symbol';
  }
  return value.type === 'call' && createsIndicator(owner, shadowing.method, value);
}

function isSameHelperCall(shadowing: SelfAssignment): boolean {
  if (!INDICATOR_HELPERS.has(shadowing.name) || shadowing.value.type !== 'call') return false;
  const member = memberCall(shadowing.value);
  return (
    member !== undefined && member.receiver === shadowing.method.selfName && member.name === shadowing.name
  );
}

/** A call of the shadowed method that runs after the assignment, if there is one. */
function breakingCall(owner: ProjectClass, shadowing: SelfAssignment): MemberCall | undefined {
  const { method, assignment } = shadowing;
  const inInitialize =
    INITIALIZE.has(method.name) && isSameNode(enclosingFunction(assignment) ?? method.node, method.node);
  const loop = enclosingLoop(assignment, method.node);
  for (const other of owner.methods) {
    if (other.selfName === undefined) continue;
    for (const call of memberCallsIn(other.node, other.selfName, new Set([shadowing.name]))) {
      if (other === method) {
        if (loop !== undefined && isWithin(call.call, loop)) return call;
        if (call.call.startIndex >= assignment.endIndex && !inExclusiveBranches(assignment, call.call)) {
          return call;
        }
        if (inInitialize && !isSameNode(enclosingFunction(call.call) ?? method.node, method.node))
          return call;
      } else if (inInitialize && !calledBefore(method, other, assignment)) return call;
    }
  }
  return undefined;
}

/** Whether `helper` is called from `method` before `assignment`: then its calls run before the assignment. */
function calledBefore(method: ClassMethod, helper: ClassMethod, assignment: SyntaxNode): boolean {
  const selfName = method.selfName;
  if (selfName === undefined) return false;
  return memberCallsIn(method.node, selfName, new Set([helper.name])).some(
    (call) => call.call.startIndex < assignment.startIndex,
  );
}

const BRANCHING = new Set(['if_statement', 'match_statement', 'try_statement']);

/** Whether two nodes sit in different branches of one if, match or try statement. */
function inExclusiveBranches(left: SyntaxNode, right: SyntaxNode): boolean {
  let common = left.parent;
  while (common !== null && !isWithin(right, common)) common = common.parent;
  if (common === null || !BRANCHING.has(common.type)) return false;
  const branchOf = (node: SyntaxNode) =>
    namedChildrenOf(common).find((child) => isWithin(node, child) && child.type !== 'comment');
  const leftBranch = branchOf(left);
  const rightBranch = branchOf(right);
  return leftBranch !== undefined && rightBranch !== undefined && !isSameNode(leftBranch, rightBranch);
}
