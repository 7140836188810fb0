import { QC_ALGORITHM_METHODS } from '../rules/lean-algorithm-names.js';
import { LEAN_HOOKS } from '../rules/lean-hooks.js';
import type { PlainNode, PlainTree } from './plain-tree.js';

const HOOK_NAMES: ReadonlySet<string> = new Set(
  Object.values(LEAN_HOOKS).flatMap((hooks) => hooks.flatMap((hook) => [hook.snake, hook.pascal])),
);

/**
 * Tells whether a node sits in a function nothing can call: a method whose name appears nowhere else in
 * the project (no call, no callback, no string), that is neither a hook LEAN calls nor a dunder method.
 * Python never runs such code, so what it names cannot fail a run: findings there are at most warnings.
 */
export function createDeadCodeCheck(
  sources: readonly string[],
): (node: PlainNode, tree: PlainTree) => string | undefined {
  const mentions = new Map<string, number>();
  const mentionsOf = (name: string): number => {
    let count = mentions.get(name);
    if (count === undefined) {
      const word = new RegExp(`\\b${name}\\b`, 'g');
      count = sources.reduce((total, source) => total + (source.match(word)?.length ?? 0), 0);
      mentions.set(name, count);
    }
    return count;
  };
  return (node, tree) => {
    const name = enclosingFunctionName(node, tree);
    if (
      name === undefined ||
      name.startsWith('__') ||
      HOOK_NAMES.has(name) ||
      QC_ALGORITHM_METHODS.has(name)
    ) {
      return undefined;
    }
    return mentionsOf(name) <= 1 ? name : undefined;
  };
}

function enclosingFunctionName(node: PlainNode, tree: PlainTree): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== 'function_definition') continue;
    const identifier = current.children.find((child) => child.field === 'name');
    return identifier && identifier.end >= 0
      ? tree.source.slice(identifier.start, identifier.end)
      : undefined;
  }
  return undefined;
}
