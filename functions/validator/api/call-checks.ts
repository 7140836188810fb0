import type { CatalogOverload } from '../catalog/catalog-schema.js';
import type { LeanCatalog } from '../catalog/lean-catalog.js';
import type { ResolvedMember } from '../catalog/member-index.js';
import { didYouMean, similarNames } from '../similar-names.js';
import { API_RULE, type Report } from './api-rule-ids.js';
import { arityFits, type CallShape, callShapeOf, candidateOverloads } from './call-shape.js';
import { acceptedCounts, displayName, signatures } from './messages.js';
import { fieldOf, type PlainNode } from './plain-tree.js';
import type { Scope } from './scopes.js';
import type { TypeInference } from './type-inference.js';
import type { ValueType } from './value-types.js';

type Severity = 'error' | 'warning';
type MethodValue = ValueType & { kind: 'method' };

/** Checks a call's positional count and keywords against the overloads of a LEAN method or constructor. */
export function checkCall(call: PlainNode, scope: Scope, inference: TypeInference, report: Report): void {
  const module = inference.moduleOf(scope);
  const callee = fieldOf(call, 'function');
  const argumentsNode = fieldOf(call, 'arguments');
  if (module === undefined || callee === undefined || argumentsNode === undefined) return;
  const calleeType = inference.typeOf(callee, scope);
  const nameNode = calleeNameNode(callee);
  if (nameNode === undefined) return;
  const shape = callShapeOf(module.facts.tree, argumentsNode);
  if (calleeType.kind === 'method') checkMethodCall(calleeType, shape, nameNode, inference, report);
  else if (calleeType.kind === 'type') checkConstructorCall(calleeType, shape, nameNode, inference, report);
}

/** The identifier a finding about a call points at: the method or type name. */
function calleeNameNode(callee: PlainNode): PlainNode | undefined {
  if (callee.type === 'identifier') return callee;
  if (callee.type === 'attribute') return fieldOf(callee, 'attribute');
  if (callee.type === 'subscript') {
    const value = fieldOf(callee, 'value');
    return value === undefined ? undefined : calleeNameNode(value);
  }
  return undefined;
}

/** How sure a finding about a method call is: errors on the algorithm and static members of closed types. */
function methodSeverity(method: MethodValue, inference: TypeInference): Severity | undefined {
  const receiver = method.receiver;
  const catalog = inference.context.catalog;
  if (receiver.kind === 'algorithm') return receiver.receiver.certain ? 'error' : 'warning';
  if (receiver.kind === 'type') {
    if (method.resolved.member.static !== true) return undefined;
    return receiver.keys.every((key) => catalog.members(key)?.closed) ? 'error' : undefined;
  }
  if (receiver.kind === 'instance') return catalog.members(receiver.key)?.closed ? 'warning' : undefined;
  return undefined;
}

function ownerName(method: MethodValue, inference: TypeInference): string {
  const receiver = method.receiver;
  if (receiver.kind === 'algorithm') return 'QCAlgorithm';
  if (receiver.kind === 'instance') return displayName(receiver.key);
  if (receiver.kind === 'type') return displayName(receiver.keys[0] ?? method.resolved.owner);
  return displayName(method.resolved.owner || inference.context.algorithmKey);
}

function checkMethodCall(
  method: MethodValue,
  shape: CallShape,
  nameNode: PlainNode,
  inference: TypeInference,
  report: Report,
): void {
  const severity = methodSeverity(method, inference);
  const overloads = candidateOverloads(method.resolved.member.overloads ?? [], method.typeArguments);
  if (severity === undefined || overloads.length === 0) return;
  const catalog = inference.context.catalog;
  const snake = method.resolved.form === 'alias';
  const owner = ownerName(method, inference);
  const spelled = method.spelled;
  if (!overloads.some((overload) => arityFits(overload, shape, method.typeArguments))) {
    report(
      nameNode,
      severity,
      API_RULE.callArity,
      `${owner}.${spelled} takes ${acceptedCounts(overloads)} positional argument(s), not ${shape.positional}: call ${signatures(catalog, spelled, overloads, snake)}`,
    );
  }
  checkMethodKeywords(method.resolved, overloads, shape, `${owner}.${spelled}`, severity, catalog, report);
}

function checkMethodKeywords(
  resolved: ResolvedMember,
  overloads: readonly CatalogOverload[],
  shape: CallShape,
  callable: string,
  severity: Severity,
  catalog: LeanCatalog,
  report: Report,
): void {
  if (shape.keywords.length === 0) return;
  const csharp = new Set(overloads.flatMap((overload) => overload.params));
  const snake = new Set([...csharp].map((name) => catalog.snakeParameter(name)));
  const expected =
    resolved.form === 'both' ? new Set([...csharp, ...snake]) : resolved.form === 'alias' ? snake : csharp;
  const other = resolved.form === 'alias' ? csharp : snake;
  for (const keyword of shape.keywords) {
    if (expected.has(keyword.name)) continue;
    if (other.has(keyword.name)) {
      const counterpart = counterpartOf(keyword.name, csharp, catalog, resolved.form === 'alias');
      report(
        keyword.node,
        'warning',
        API_RULE.callKeyword,
        `${callable} is called by its ${resolved.form === 'alias' ? 'snake_case' : 'C#'} name, so pythonnet expects ${resolved.form === 'alias' ? 'snake_case' : 'C#'} keywords: write ${counterpart}= instead of ${keyword.name}=`,
      );
      continue;
    }
    report(
      keyword.node,
      severity,
      API_RULE.callKeyword,
      `${callable} has no parameter '${keyword.name}'${didYouMean(similarNames(keyword.name, expected))}; its parameters are ${[...expected].join(', ') || 'none'}`,
    );
  }
}

/** The parameter name in the expected naming form for a keyword written in the other one. */
function counterpartOf(
  written: string,
  csharp: ReadonlySet<string>,
  catalog: LeanCatalog,
  toSnake: boolean,
): string {
  for (const name of csharp) {
    const snake = catalog.snakeParameter(name);
    if (toSnake && name === written) return snake;
    if (!toSnake && snake === written) return name;
  }
  return written;
}

function checkConstructorCall(
  type: ValueType & { kind: 'type' },
  shape: CallShape,
  nameNode: PlainNode,
  inference: TypeInference,
  report: Report,
): void {
  const catalog = inference.context.catalog;
  const keys = type.keys.filter((key) => {
    const generic = catalog.type(key)?.generic;
    return type.typeArguments === undefined ? generic === undefined : generic === type.typeArguments;
  });
  const overloads: Pick<CatalogOverload, 'params' | 'arity'>[] = [];
  for (const key of keys) {
    const definition = catalog.type(key);
    const index = catalog.members(key);
    if (definition === undefined || index === undefined || !index.closed) return;
    if (definition.kind !== 'class' && definition.kind !== 'struct') return;
    if (definition.abstract === true || definition.static === true) return;
    overloads.push(...(definition.ctors ?? [{ params: [], arity: [0, 0] }]));
    if (definition.kind === 'struct') overloads.push({ params: [], arity: [0, 0] });
  }
  const [key] = keys;
  if (key === undefined || overloads.length === 0) return;
  const name = displayName(key);
  if (!overloads.some((overload) => arityFits(overload, shape, undefined))) {
    report(
      nameNode,
      'error',
      API_RULE.callArity,
      `${name}(...) takes ${acceptedCounts(overloads)} positional argument(s), not ${shape.positional}: call ${signatures(catalog, name, overloads, false)}`,
    );
  }
  const csharp = new Set(overloads.flatMap((overload) => overload.params));
  const snake = new Set([...csharp].map((parameter) => catalog.snakeParameter(parameter)));
  const unknown = shape.keywords.filter((keyword) => !csharp.has(keyword.name) && !snake.has(keyword.name));
  for (const keyword of unknown) {
    report(
      keyword.node,
      'error',
      API_RULE.callKeyword,
      `${name}(...) has no parameter '${keyword.name}'${didYouMean(similarNames(keyword.name, [...csharp, ...snake]))}; its parameters are ${[...snake].join(', ') || 'none'}`,
    );
  }
  const mixed =
    unknown.length === 0 &&
    !shape.keywords.every((keyword) => csharp.has(keyword.name)) &&
    !shape.keywords.every((keyword) => snake.has(keyword.name));
  const first = shape.keywords[0];
  if (mixed && first !== undefined) {
    report(
      first.node,
      'warning',
      API_RULE.callKeyword,
      `${name}(...) mixes C# and snake_case keywords; pythonnet accepts either set but not a mix: write them all in snake_case`,
    );
  }
}
