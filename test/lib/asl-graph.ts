import { z } from 'zod';
import { type AslDefinition, type AslState, allStates } from '../../lib/definition.js';

// Reading a resolved ASL definition as a graph, for the pipeline tests.

const Catcher = z.object({ ErrorEquals: z.array(z.string()), ResultPath: z.string(), Next: z.string() });
export const ChoiceRule = z.looseObject({ Variable: z.string(), Next: z.string() });

/** A state by name, Parallel branches included. */
export function state(definition: AslDefinition, name: string): AslState {
  const found = allStates(definition).find(([candidate]) => candidate === name)?.[1];
  if (!found) throw new Error(`no state ${name}`);
  return found;
}

/** The rules of a Choice state. */
export function choiceRules(choice: AslState): Array<z.infer<typeof ChoiceRule>> {
  return z.array(ChoiceRule).parse(choice.Choices);
}

/** Every transition of a state: Next, Default, each Choice rule's Next and each Catch's Next, with its guard. */
function transitions(from: AslState): Array<{ to: string; guard?: z.infer<typeof ChoiceRule> }> {
  const edges: Array<{ to: string; guard?: z.infer<typeof ChoiceRule> }> = [];
  if (typeof from.Next === 'string') edges.push({ to: from.Next });
  if (typeof from.Default === 'string') edges.push({ to: from.Default });
  if (from.Type === 'Choice')
    edges.push(...choiceRules(from).map((rule) => ({ to: rule.Next, guard: rule })));
  if (from.Catch)
    edges.push(
      ...z
        .array(Catcher)
        .parse(from.Catch)
        .map((catcher) => ({ to: catcher.Next })),
    );
  return edges;
}

/** Whether a Choice rule lets a loop go on only while a counter is below a limit from the run state. */
export function isBoundedGuard(guard: z.infer<typeof ChoiceRule> | undefined): boolean {
  return typeof guard?.NumericLessThanPath === 'string' && guard.NumericLessThanPath.startsWith('$.limits.');
}

/** A cycle through the top-level states, or undefined: depth-first search over the given edges. */
export function findCycle(
  states: Record<string, AslState>,
  keep: (guard?: z.infer<typeof ChoiceRule>) => boolean,
) {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (visiting.has(name)) return [...path, name];
    if (done.has(name)) return undefined;
    visiting.add(name);
    const current = states[name];
    for (const edge of current ? transitions(current) : []) {
      if (!keep(edge.guard)) continue;
      const cycle = visit(edge.to, [...path, name]);
      if (cycle) return cycle;
    }
    visiting.delete(name);
    done.add(name);
    return undefined;
  };
  for (const name of Object.keys(states)) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every object key anywhere in a value. */
export function deepKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(deepKeys);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, nested]) => [key, ...deepKeys(nested)]);
  }
  return [];
}
