import { letterKey } from '../catalog/member-index.js';
import type { Diagnostic } from '../diagnostic.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { LEAN_HOOKS, type LeanHook } from './lean-hooks.js';
import { type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'event-handler-name';
const INITIALIZE: LeanHook = { snake: 'initialize', pascal: 'Initialize', parameters: [], fewest: 0 };

/** `def onData(...)`, `def On_Data(...)`: LEAN calls only on_data or OnData, so the handler never runs. */
export const eventHandlerNameRule: ValidationRule = {
  id: RULE,
  description:
    'Event handlers and model hooks are spelled as LEAN calls them (on_data or OnData, not onData).',
  check: (project) => projectClasses(project).flatMap(checkClass),
};

function checkClass(owner: ProjectClass): Diagnostic[] {
  const hooks = owner.hookFamilies.flatMap((family) => LEAN_HOOKS[family]);
  if (owner.isAlgorithm) hooks.push(INITIALIZE);
  const names = new Set(owner.methods.map((method) => method.name));
  const diagnostics: Diagnostic[] = [];
  for (const method of owner.methods) {
    if (method.name.startsWith('_')) continue;
    const hook = hooks.find((candidate) => letterKey(candidate.snake) === letterKey(method.name));
    if (hook === undefined || method.name === hook.snake || method.name === hook.pascal) continue;
    // A class with the right spelling as well uses the other one for itself.
    if (names.has(hook.snake) || names.has(hook.pascal)) continue;
    diagnostics.push(
      staticDiagnostic(
        owner.module.file.name,
        positionOf(method.node.childForFieldName('name') ?? method.node),
        'warning',
        RULE,
        `LEAN calls ${hook.snake} or ${hook.pascal}, never ${method.name}: rename it to ${hook.snake} or it does not run`,
      ),
    );
  }
  return diagnostics;
}
