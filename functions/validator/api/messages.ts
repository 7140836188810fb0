import type { CatalogOverload } from '../catalog/catalog-schema.js';
import type { LeanCatalog } from '../catalog/lean-catalog.js';
import type { MemberIndex, ResolvedMember } from '../catalog/member-index.js';
import { similarNames } from '../similar-names.js';

type NameStyle = 'upper' | 'lower' | 'mixed';

function styleOf(name: string): NameStyle {
  if (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name)) return 'upper';
  if (/^[a-z0-9_]+$/.test(name)) return 'lower';
  return 'mixed';
}

/** `__init__`, `__dict__`: Python's own names, which no catalog lists. */
export function isDunder(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment),
 * case-insensitive: `rco` is one edit from `roc`, as a typist sees it.
 */
function typingDistance(left: string, right: string): number {
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  const rows: number[][] = [];
  for (let row = 0; row <= a.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= b.length; column += 1) {
      if (row === 0) {
        current.push(column);
        continue;
      }
      const above = rows[row - 1] ?? [];
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(
        (above[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (above[column - 1] ?? 0) + cost,
      );
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        best = Math.min(best, (rows[row - 2]?.[column - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    rows.push(current);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** similar-names' candidates, re-ranked so that swapped letters count as one typo. */
function rankedSimilar(written: string, candidates: readonly string[], limit: number): string[] {
  const found = similarNames(written, candidates, Number.POSITIVE_INFINITY);
  const scored = found.map((candidate, order) => ({
    candidate,
    order,
    score: typingDistance(written, candidate),
    lengthGap: Math.abs(candidate.length - written.length),
  }));
  scored.sort(
    (left, right) => left.score - right.score || left.lengthGap - right.lengthGap || left.order - right.order,
  );
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

/** The names of a type closest to a misspelled one, in the naming form the user wrote first. */
export function closestMembers(
  written: string,
  index: MemberIndex,
  limit = 3,
  userNames: Iterable<string> = [],
): string[] {
  const all = [...index.names(), ...userNames].filter((name) => !isDunder(name));
  const style = styleOf(written);
  const sameStyle = all.filter((name) => styleOf(name) === style);
  const suggestions = rankedSimilar(written, sameStyle, limit);
  return suggestions.length > 0 ? suggestions : rankedSimilar(written, all, limit);
}

/** The spellings pythonnet binds for the members a naming-form mistake refers to, the user's form first. */
export function bindableSpellings(written: string, members: readonly ResolvedMember[]): string[] {
  const csharpFirst = styleOf(written) === 'mixed';
  const spellings: string[] = [];
  for (const resolved of members) {
    const forms = csharpFirst ? [resolved.name, ...resolved.aliases] : [...resolved.aliases, resolved.name];
    for (const form of forms) if (form !== written && !spellings.includes(form)) spellings.push(form);
  }
  return spellings;
}

/** A type key as Python code names it: `QuantConnect.Securities.Futures+Indices` → `Futures.Indices`. */
export function displayName(key: string): string {
  const simple = key.slice(key.lastIndexOf('.') + 1);
  return simple.replaceAll('+', '.').replace(/`\d+/g, '');
}

/** The parameter names an overload takes in a naming form (C# names, or snake_case with the snake method). */
function parameterNames(catalog: LeanCatalog, overload: CatalogOverload, snake: boolean): string[] {
  return overload.params.map((name) => (snake ? catalog.snakeParameter(name) : name));
}

/** `name(a, b, c=…)`: the overload's signature, optional parameters marked. */
export function signature(name: string, parameters: readonly string[], minimum: number): string {
  const listed = parameters.map((parameter, index) => (index < minimum ? parameter : `${parameter}=…`));
  return `${name}(${listed.join(', ')})`;
}

/** Up to three signatures, joined with ' or ', for a message that says how a call can be written. */
export function signatures(
  catalog: LeanCatalog,
  name: string,
  overloads: readonly CatalogOverload[],
  snake: boolean,
): string {
  const written = new Set<string>();
  for (const overload of overloads) {
    written.add(signature(name, parameterNames(catalog, overload, snake), overload.arity[0]));
    if (written.size === 3) break;
  }
  const more = overloads.length > written.size ? ' (and other overloads)' : '';
  return `${[...written].join(' or ')}${more}`;
}

/** `1`, `1 to 3`, `2 or more`: the positional counts that overloads accept, for a message. */
export function acceptedCounts(overloads: readonly Pick<CatalogOverload, 'arity'>[]): string {
  const minimum = Math.min(...overloads.map((overload) => overload.arity[0]));
  const maxima = overloads.map((overload) => overload.arity[1]);
  if (maxima.includes(null)) return `${minimum} or more`;
  const maximum = Math.max(...maxima.map((value) => value ?? 0));
  return minimum === maximum ? `${minimum}` : `${minimum} to ${maximum}`;
}
