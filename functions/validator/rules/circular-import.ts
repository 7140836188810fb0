import type { Diagnostic } from '../diagnostic.js';
import { resolveImport, submoduleOf } from '../project/import-resolution.js';
import type { Project } from '../project/project.js';
import type { PythonImport } from '../python/imports.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';

const RULE = 'circular-import';

/** One module importing another while it loads. */
interface ImportEdge {
  from: string;
  to: string;
  file: string;
  /** The first statement importing `to`, where the diagnostic points. */
  statement: PythonImport;
  /** Names taken with `from to import name`: these fail on a half-initialised module, `import to` does not. */
  names: string[];
}

/** Project modules must not import each other in a cycle while they load. */
export const circularImportRule: ValidationRule = {
  id: RULE,
  description: 'Project modules do not import each other in a cycle at module level.',
  check: (project) => {
    const edges = importEdges(project);
    const diagnostics: Diagnostic[] = [];
    for (const component of stronglyConnected([...project.modules.keys()], edges)) {
      if (component.length < 2) continue;
      diagnostics.push(...reportCycle(project, shortestCycle(component, edges)));
    }
    return diagnostics;
  },
};

function importEdges(project: Project): Map<string, ImportEdge[]> {
  const edges = new Map<string, ImportEdge[]>();
  for (const module of project.modules.values()) {
    const outgoing: ImportEdge[] = [];
    const add = (to: string, statement: PythonImport, names: string[]): void => {
      const existing = outgoing.find((edge) => edge.to === to);
      if (existing === undefined)
        outgoing.push({ from: module.name, to, file: module.file.name, statement, names });
      else existing.names.push(...names);
    };
    for (const statement of module.imports) {
      if (statement.runs !== 'on-load' || statement.guarded) continue;
      const target = resolveImport(project, module, statement);
      const names: string[] = [];
      for (const imported of statement.names) {
        const submodule = submoduleOf(project, target, imported.name);
        if (submodule === undefined) names.push(imported.name);
        else add(submodule.name, statement, []);
      }
      if (target.kind === 'module' && target.module.name !== module.name)
        add(target.module.name, statement, names);
    }
    edges.set(module.name, outgoing);
  }
  return edges;
}

/** Tarjan's strongly connected components, each in discovery order. */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, ImportEdge[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const edge of edges.get(node) ?? []) {
      if (!index.has(edge.to)) {
        visit(edge.to);
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, lowLink.get(edge.to) ?? 0));
      } else if (onStack.has(edge.to)) {
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, index.get(edge.to) ?? 0));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    components.push(component.reverse());
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return components;
}

/** The shortest cycle through the component's first module (by name), as its edges. */
function shortestCycle(component: readonly string[], edges: ReadonlyMap<string, ImportEdge[]>): ImportEdge[] {
  const members = new Set(component);
  const start = [...component].sort()[0] ?? '';
  const cameBy = new Map<string, ImportEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] ?? '';
    for (const edge of edges.get(node) ?? []) {
      if (!members.has(edge.to) || cameBy.has(edge.to)) continue;
      cameBy.set(edge.to, edge);
      if (edge.to === start) break;
      queue.push(edge.to);
    }
    if (cameBy.has(start)) break;
  }
  const cycle: ImportEdge[] = [];
  for (let edge = cameBy.get(start); edge !== undefined; edge = cameBy.get(edge.from)) {
    cycle.unshift(edge);
    if (edge.from === start) break;
  }
  return cycle;
}

function reportCycle(project: Project, cycle: readonly ImportEdge[]): Diagnostic[] {
  const path = [...cycle.map((edge) => edge.file), cycle[0]?.file ?? ''].join(' → ');
  const certain = cycle.every((outgoing, index) => {
    const incoming = cycle[(index + cycle.length - 1) % cycle.length];
    return incoming !== undefined && entryFails(project, incoming, outgoing);
  });
  const consequence = certain
    ? 'whichever module loads first, another one imports a name from it before the name is defined'
    : 'it works only if the modules load in a particular order or use each other inside functions';
  return cycle.map((edge) =>
    staticDiagnostic(
      edge.file,
      positionOf(edge.statement.node),
      certain ? 'error' : 'warning',
      RULE,
      `circular import ${path}: ${consequence}; move the shared code into its own module`,
    ),
  );
}

/**
 * When the cycle is entered at `outgoing.from`, that module stops at its import of the next one; the cycle
 * comes back through `incoming`, which fails if it takes a name defined only after that import.
 */
function entryFails(project: Project, incoming: ImportEdge, outgoing: ImportEdge): boolean {
  const entry = project.modules.get(outgoing.from);
  if (entry === undefined) return false;
  const stopRow = outgoing.statement.node.startPosition.row;
  return incoming.names.some((name) => {
    const binding = entry.names.get(name);
    return binding === undefined || binding.node.startPosition.row > stopRow;
  });
}
