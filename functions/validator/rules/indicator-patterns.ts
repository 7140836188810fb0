import type { Node as SyntaxNode } from 'web-tree-sitter';
import { descendantsOfType } from '../python/syntax-tree.js';
import { memberAccess, memberCall } from './code-patterns.js';
import { INDICATOR_HELPERS, INDICATOR_TYPES } from './lean-algorithm-names.js';
import type { ClassMethod, ProjectClass } from './project-classes.js';

/** `self.<name> = value` inside one of a class's methods. */
export interface SelfAssignment {
  method: ClassMethod;
  assignment: SyntaxNode;
  /** The `self.<name>` node. */
  target: SyntaxNode;
  name: string;
  value: SyntaxNode;
}

/** Every `self.<name> = value` in the methods of a class that take self, method by method. */
export function selfAssignments(owner: ProjectClass): SelfAssignment[] {
  const assignments: SelfAssignment[] = [];
  for (const method of owner.methods) {
    const selfName = method.selfName;
    if (selfName === undefined) continue;
    for (const assignment of descendantsOfType(method.node, 'assignment')) {
      const target = assignment.childForFieldName('left');
      const value = assignment.childForFieldName('right');
      if (target === null || value === null) continue;
      const access = memberAccess(target);
      if (access === undefined || access.receiver !== selfName) continue;
      assignments.push({ method, assignment, target, name: access.name, value });
    }
  }
  return assignments;
}

/** Whether a call in `method` makes an indicator: `SimpleMovingAverage(20)`, or QCAlgorithm's `sma(...)`. */
export function createsIndicator(owner: ProjectClass, method: ClassMethod, call: SyntaxNode): boolean {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return INDICATOR_TYPES.has(callee.text);
  const member = memberCall(call);
  if (member === undefined || !INDICATOR_HELPERS.has(member.name)) return false;
  // The helper is QCAlgorithm's: called on self in an algorithm, or on the algorithm a model method receives.
  if (member.receiver === method.selfName) return owner.isAlgorithm;
  return method.parameters.some((parameter, index) => index > 0 && parameter.name === member.receiver);
}
