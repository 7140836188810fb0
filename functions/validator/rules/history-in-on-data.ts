import type { Diagnostic } from '../diagnostic.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { isConditional, memberCallsIn } from './code-patterns.js';
import { type ClassMethod, type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'history-in-on-data';
const HISTORY = new Set(['history', 'History']);
const ON_DATA = new Set(['on_data', 'OnData']);
const UPDATE = new Set(['update', 'Update']);

/** A history request in on_data (or an alpha model's update) that runs on every bar. */
export const historyInOnDataRule: ValidationRule = {
  id: RULE,
  description:
    'on_data (and AlphaModel.update) do not request history on every bar; a condition or a schedule limits it.',
  check: (project) => projectClasses(project).flatMap(checkClass),
};

function checkClass(owner: ProjectClass): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const method of owner.methods) {
    const receiver = algorithmReceiver(owner, method);
    if (receiver === undefined) continue;
    for (const call of memberCallsIn(method.node, receiver, HISTORY)) {
      if (isConditional(call.call, method.node)) continue;
      diagnostics.push(
        staticDiagnostic(
          owner.module.file.name,
          positionOf(call.nameNode),
          'warning',
          RULE,
          `${receiver}.${call.name}(...) runs in ${method.name} on every bar: a history request per bar makes the backtest slow; keep a RollingWindow, or request history from a scheduled event or behind a condition`,
        ),
      );
    }
  }
  return diagnostics;
}

/** The name the algorithm goes by in a per-bar method: self in on_data, the algorithm parameter in update. */
function algorithmReceiver(owner: ProjectClass, method: ClassMethod): string | undefined {
  if (owner.isAlgorithm && ON_DATA.has(method.name)) return method.selfName;
  if (owner.families.includes('alpha') && UPDATE.has(method.name)) return method.parameters[1]?.name;
  return undefined;
}
