import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { PythonModule } from '../project/python-module.js';
import type { PythonParameter } from '../python/parameters.js';
import { descendantsOfType, namedChildrenOf } from '../python/syntax-tree.js';

/** `receiver.name(...)` (or `receiver.name[T](...)`) where the receiver is a plain name such as self. */
export interface MemberCall {
  call: SyntaxNode;
  receiver: string;
  name: string;
  /** The identifier after the dot. */
  nameNode: SyntaxNode;
  /** The arguments, positional and keyword, in order. */
  arguments: SyntaxNode[];
}

/** A call as `receiver.name(...)`, or undefined when the callee is anything else. */
export function memberCall(call: SyntaxNode): MemberCall | undefined {
  let callee = call.childForFieldName('function');
  if (callee?.type === 'subscript') callee = callee.childForFieldName('value');
  if (callee === null || callee === undefined) return undefined;
  const access = memberAccess(callee);
  if (access === undefined) return undefined;
  const argumentList = call.childForFieldName('arguments');
  const parameters =
    argumentList === null ? [] : namedChildrenOf(argumentList).filter((child) => child.type !== 'comment');
  return { call, ...access, arguments: parameters };
}

/** An attribute `receiver.name` with a plain-name receiver, as its parts. */
export function memberAccess(
  node: SyntaxNode,
): { receiver: string; name: string; nameNode: SyntaxNode } | undefined {
  if (node.type !== 'attribute') return undefined;
  const object = node.childForFieldName('object');
  const attribute = node.childForFieldName('attribute');
  if (object?.type !== 'identifier' || attribute === null) return undefined;
  return { receiver: object.text, name: attribute.text, nameNode: attribute };
}

/** The calls of `receiver.<one of names>(...)` under `scope`. */
export function memberCallsIn(scope: SyntaxNode, receiver: string, names: ReadonlySet<string>): MemberCall[] {
  return descendantsOfType(scope, 'call').flatMap((call) => {
    const member = memberCall(call);
    return member !== undefined && member.receiver === receiver && names.has(member.name) ? [member] : [];
  });
}

/** Places where code runs only sometimes, or later: a branch, a loop condition, a handler, a nested function. */
const CONDITIONAL_CONTEXTS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'conditional_expression',
  'while_statement',
  'boolean_operator',
  'match_statement',
  'case_clause',
  'except_clause',
  'lambda',
  'function_definition',
]);

const EXITS = ['return_statement', 'continue_statement', 'break_statement', 'raise_statement'];

/**
 * Whether `node` runs only under some condition within `scope` (a function_definition): inside a branch,
 * a handler or a nested function, or after an earlier `if ...: return` (or continue, break, raise).
 */
export function isConditional(node: SyntaxNode, scope: SyntaxNode): boolean {
  let child = node;
  let current = node.parent;
  while (current !== null && !isSameNode(current, scope)) {
    if (CONDITIONAL_CONTEXTS.has(current.type)) return true;
    if (current.type === 'block' && hasEarlierExit(current, child)) return true;
    child = current;
    current = current.parent;
  }
  return false;
}

function hasEarlierExit(block: SyntaxNode, statement: SyntaxNode): boolean {
  for (const sibling of namedChildrenOf(block)) {
    if (sibling.startIndex >= statement.startIndex) return false;
    if (sibling.type === 'if_statement' && descendantsOfType(sibling, EXITS).length > 0) return true;
  }
  return false;
}

/** True when two nodes are the same node of one tree. */
export function isSameNode(left: SyntaxNode, right: SyntaxNode): boolean {
  return left.startIndex === right.startIndex && left.endIndex === right.endIndex && left.type === right.type;
}

/** The nearest function_definition or lambda around `node`, or undefined at module or class level. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  let current = node.parent;
  while (current !== null) {
    if (current.type === 'function_definition' || current.type === 'lambda') return current;
    current = current.parent;
  }
  return undefined;
}

/** The nearest for or while loop around `node` within `scope`, or undefined. */
export function enclosingLoop(node: SyntaxNode, scope: SyntaxNode): SyntaxNode | undefined {
  let current = node.parent;
  while (current !== null && !isSameNode(current, scope)) {
    if (current.type === 'for_statement' || current.type === 'while_statement') return current;
    current = current.parent;
  }
  return undefined;
}

/**
 * Whether a function with these parameters can be called with `count` positional arguments. A bound method
 * (`bound`) takes self first, so its first parameter is not counted.
 */
export function acceptsArgumentCount(
  parameters: readonly PythonParameter[],
  count: number,
  bound: boolean,
): boolean {
  let rest = parameters;
  if (bound) {
    const [first, ...others] = parameters;
    if (first === undefined || first.kind === 'keyword-only' || first.kind === 'var-keyword') return false;
    if (first.kind === 'var-positional') return true;
    rest = others;
  }
  if (rest.some((parameter) => parameter.kind === 'keyword-only' && !parameter.hasDefault)) return false;
  const positional = rest.filter(
    (parameter) => parameter.kind === 'positional' || parameter.kind === 'positional-only',
  );
  const required = positional.filter((parameter) => !parameter.hasDefault).length;
  const variadic = rest.some((parameter) => parameter.kind === 'var-positional');
  return required <= count && (variadic || positional.length >= count);
}

const callsByModule = new WeakMap<PythonModule, SyntaxNode[]>();

/** Every call of a module, in source order; computed once per parsed module. */
export function callsOf(module: PythonModule): SyntaxNode[] {
  const cached = callsByModule.get(module);
  if (cached !== undefined) return cached;
  const calls = descendantsOfType(module.parsed.tree.rootNode, 'call');
  callsByModule.set(module, calls);
  return calls;
}

/** The name a call's callee is, when it is a bare name (`print(...)`). */
export function calleeName(call: SyntaxNode): string | undefined {
  const callee = call.childForFieldName('function');
  return callee?.type === 'identifier' ? callee.text : undefined;
}
