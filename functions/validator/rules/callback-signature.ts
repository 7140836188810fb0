import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import { descendantsOfType } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { acceptsArgumentCount, memberAccess, memberCall } from './code-patterns.js';
import { type ClassMethod, type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'callback-signature';

/*
 * How many arguments LEAN passes to callbacks (LEAN API catalog: the delegate types of the events and of the
 * handler parameters): consolidator and indicator events pass (sender, data); consolidate's handler gets the
 * bar; universe selectors and option/future filters get one collection.
 */
const EVENT_ARGUMENTS = new Map([
  ['data_consolidated', 2],
  ['DataConsolidated', 2],
  ['updated', 2],
  ['Updated', 2],
]);
const CONSOLIDATE = new Set(['consolidate', 'Consolidate']);
/** Text that must appear in a class for it to register any callback this rule checks. */
const EVENT_TEXT = /\+=/;
const CALL_TEXT = /\b(?:add_universe|AddUniverse|set_filter|SetFilter|consolidate|Consolidate)\s*\(/;
const ONE_ARGUMENT_CALLS = new Set([
  'add_universe',
  'AddUniverse',
  'set_filter',
  'SetFilter',
  ...CONSOLIDATE,
]);

/** Methods handed to LEAN as callbacks accept the arguments LEAN calls them with. */
export const callbackSignatureRule: ValidationRule = {
  id: RULE,
  description:
    'Methods passed as callbacks (consolidator events, consolidate, add_universe, set_filter) take the arguments LEAN passes.',
  check: (project) => projectClasses(project).flatMap(checkClass),
};

function checkClass(owner: ProjectClass): Diagnostic[] {
  const text = owner.node.text;
  const events = EVENT_TEXT.test(text);
  const calls = CALL_TEXT.test(text);
  if (!events && !calls) return [];
  const diagnostics: Diagnostic[] = [];
  for (const method of owner.methods) {
    const selfName = method.selfName;
    if (selfName === undefined) continue;
    for (const handler of events ? eventHandlers(method.node) : []) {
      diagnostics.push(...checkCallback(owner, handler.callback, selfName, handler.count, handler.event));
    }
    for (const call of calls ? descendantsOfType(method.node, 'call') : []) {
      const member = memberCall(call);
      if (member === undefined || !ONE_ARGUMENT_CALLS.has(member.name)) continue;
      const callbacks = CONSOLIDATE.has(member.name)
        ? member.arguments.slice(-1)
        : member.arguments.filter((argument) => argument.type === 'attribute');
      for (const callback of callbacks) {
        diagnostics.push(...checkCallback(owner, callback, selfName, 1, member.name));
      }
    }
  }
  return diagnostics;
}

/** `x.data_consolidated += self.handler` and the like. */
function eventHandlers(scope: SyntaxNode): { callback: SyntaxNode; count: number; event: string }[] {
  return descendantsOfType(scope, 'augmented_assignment').flatMap((assignment) => {
    if (assignment.childForFieldName('operator')?.type !== '+=') return [];
    const event = assignment.childForFieldName('left')?.childForFieldName('attribute')?.text;
    const callback = assignment.childForFieldName('right');
    const count = event === undefined ? undefined : EVENT_ARGUMENTS.get(event);
    return count === undefined || callback === null || event === undefined
      ? []
      : [{ callback, count, event }];
  });
}

function checkCallback(
  owner: ProjectClass,
  callback: SyntaxNode,
  selfName: string,
  count: number,
  use: string,
): Diagnostic[] {
  const access = memberAccess(callback);
  if (access === undefined || access.receiver !== selfName) return [];
  const method = owner.methods.find((candidate) => candidate.name === access.name);
  if (method === undefined || method.decorated || acceptsArgumentCount(method.parameters, count, true))
    return [];
  return [mismatch(owner, callback, method, count, use)];
}

function mismatch(
  owner: ProjectClass,
  callback: SyntaxNode,
  method: ClassMethod,
  count: number,
  use: string,
): Diagnostic {
  const passes = count === 1 ? 'one argument' : `${count} arguments (sender, data)`;
  return staticDiagnostic(
    owner.module.file.name,
    positionOf(callback),
    'error',
    RULE,
    `LEAN calls ${use} callbacks with ${passes}, but ${method.name} takes ${describe(method)}: the call fails with a TypeError`,
  );
}

function describe(method: ClassMethod): string {
  const text = method.node.childForFieldName('parameters')?.text ?? '()';
  return text.replace(/\s+/g, ' ');
}
