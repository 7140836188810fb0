import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import { descendantsOfType, namedChildrenOf } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { calleeName, enclosingFunction, isSameNode, memberCall } from './code-patterns.js';
import { type ClassMethod, type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'schedule-callback';
const ON = new Set(['on', 'On']);
const SCHEDULE = new Set(['schedule', 'Schedule']);
const SCHEDULE_ON_TEXT = /\b[Ss]chedule\s*\.\s*[Oo]n\s*\(/;

/** `self.schedule.on(date, time, self.rebalance())` passes None, the call's result, instead of the method. */
export const scheduleCallbackRule: ValidationRule = {
  id: RULE,
  description:
    'schedule.on gets the method to run (self.rebalance), not the result of calling it (self.rebalance()).',
  check: (project) =>
    projectClasses(project)
      .filter((owner) => owner.isAlgorithm)
      .flatMap(checkAlgorithm),
};

function checkAlgorithm(owner: ProjectClass): Diagnostic[] {
  if (!SCHEDULE_ON_TEXT.test(owner.node.text)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const method of owner.methods) {
    const selfName = method.selfName;
    if (selfName === undefined) continue;
    for (const call of descendantsOfType(method.node, 'call')) {
      if (!isScheduleOn(call, selfName)) continue;
      const callback = lastPositional(call);
      const invoked = callback === undefined ? undefined : invokedMethod(owner, callback, selfName);
      if (invoked === undefined || returnsValue(invoked.method)) continue;
      diagnostics.push(
        staticDiagnostic(
          owner.module.file.name,
          positionOf(invoked.call),
          'error',
          RULE,
          `${invoked.call.text} runs ${invoked.method.name} once, now, and hands schedule.on its result (None): pass the method itself, ${selfName}.${invoked.method.name}`,
        ),
      );
    }
  }
  return diagnostics;
}

function isScheduleOn(call: SyntaxNode, selfName: string): boolean {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute' || !ON.has(callee.childForFieldName('attribute')?.text ?? ''))
    return false;
  const schedule = callee.childForFieldName('object');
  if (schedule?.type !== 'attribute') return false;
  return (
    SCHEDULE.has(schedule.childForFieldName('attribute')?.text ?? '') &&
    schedule.childForFieldName('object')?.text === selfName
  );
}

function lastPositional(call: SyntaxNode): SyntaxNode | undefined {
  const argumentList = call.childForFieldName('arguments');
  const positional = (argumentList === null ? [] : namedChildrenOf(argumentList)).filter(
    (child) => child.type !== 'keyword_argument' && child.type !== 'comment',
  );
  return positional.at(-1);
}

/** `self.m()` (or `Action(self.m())`) where m is a method of the class: the callback was called, not passed. */
function invokedMethod(
  owner: ProjectClass,
  callback: SyntaxNode,
  selfName: string,
): { call: SyntaxNode; method: ClassMethod } | undefined {
  let node = callback;
  if (node.type === 'call' && calleeName(node) === 'Action') {
    const inner = lastPositional(node);
    if (inner === undefined) return undefined;
    node = inner;
  }
  if (node.type !== 'call') return undefined;
  const member = memberCall(node);
  if (member === undefined || member.receiver !== selfName) return undefined;
  const method = owner.methods.find((candidate) => candidate.name === member.name);
  return method === undefined || method.decorated ? undefined : { call: node, method };
}

/** Whether the method returns a value somewhere (then it may build the callback). */
function returnsValue(method: ClassMethod): boolean {
  const ownStatement = (statement: SyntaxNode) =>
    isSameNode(enclosingFunction(statement) ?? method.node, method.node);
  // A generator returns its generator object even from a bare yield.
  if (descendantsOfType(method.node, 'yield').some(ownStatement)) return true;
  return descendantsOfType(method.node, 'return_statement').some(
    (statement) => statement.namedChildCount > 0 && ownStatement(statement),
  );
}
