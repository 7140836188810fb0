import type { CatalogOverload } from '../catalog/catalog-schema.js';
import { type PlainNode, type PlainTree, textOf } from './plain-tree.js';

/** The arguments of a call as overload resolution sees them. */
export interface CallShape {
  positional: number;
  /** Keyword argument names, with their nodes (where findings about them point). */
  keywords: { name: string; node: PlainNode }[];
  /** `*args`: the positional count is unknown. */
  hasSplat: boolean;
  /** `**kwargs`: the keywords are unknown. */
  hasKeywordSplat: boolean;
}

/** The shape of a call's argument list (or of a generator argument, `f(x for x in y)`). */
export function callShapeOf(tree: PlainTree, argumentsNode: PlainNode): CallShape {
  const shape: CallShape = { positional: 0, keywords: [], hasSplat: false, hasKeywordSplat: false };
  if (argumentsNode.type !== 'argument_list') {
    shape.positional = 1;
    return shape;
  }
  for (const argument of argumentsNode.children) {
    if (argument.type === 'keyword_argument') {
      const name = argument.children.find((child) => child.field === 'name');
      if (name !== undefined) shape.keywords.push({ name: textOf(tree, name), node: name });
    } else if (argument.type === 'list_splat') shape.hasSplat = true;
    else if (argument.type === 'dictionary_splat') shape.hasKeywordSplat = true;
    else shape.positional += 1;
  }
  return shape;
}

/**
 * The overloads a call may mean: with `method[T, ...]`, those taking that many type arguments (all of them if
 * none does); without, all of them.
 */
export function candidateOverloads<T extends Pick<CatalogOverload, 'generic'>>(
  overloads: readonly T[],
  typeArguments: number | undefined,
): readonly T[] {
  if (typeArguments === undefined) return overloads;
  const generic = overloads.filter((overload) => overload.generic === typeArguments);
  return generic.length > 0 ? generic : overloads;
}

/**
 * Whether the positional count can fit an overload's arity: at most its maximum (plus the type arguments a
 * generic overload may take as leading arguments when called without `[T]`), and at least its minimum once the
 * keywords are counted in. Unknown counts (splats) always fit.
 */
export function arityFits(
  overload: Pick<CatalogOverload, 'arity' | 'generic'>,
  shape: CallShape,
  typeArguments: number | undefined,
): boolean {
  if (shape.hasSplat) return true;
  const [minimum, maximum] = overload.arity;
  const extra = typeArguments === undefined ? (overload.generic ?? 0) : 0;
  if (maximum !== null && shape.positional > maximum + extra) return false;
  return shape.hasKeywordSplat || shape.positional + shape.keywords.length >= minimum;
}
