import type { Node as SyntaxNode } from 'web-tree-sitter';
import { childrenForFieldName, descendantsOfType, namedChildrenOf } from './syntax-tree.js';

/** One name of a `from X import a, b as c` statement. */
export interface ImportedName {
  name: string;
  alias: string | undefined;
  node: SyntaxNode;
}

/** One imported module: `import X` / `import X as Y` (kind import) or `from X import ...` (kind from). */
export interface PythonImport {
  kind: 'import' | 'from';
  /** The module as written, without leading dots; '' for `from . import x`. */
  module: string;
  /** The number of leading dots of a relative import; 0 for an absolute one. */
  level: number;
  /** For kind import: the alias of `import X as Y`. */
  alias: string | undefined;
  /** For kind from: the imported names; empty for a star import. */
  names: ImportedName[];
  star: boolean;
  /** The module name node, where diagnostics about the module point. */
  node: SyntaxNode;
  /** When the import runs: while the module loads, only when a function is called, or never (TYPE_CHECKING). */
  runs: 'on-load' | 'on-call' | 'never';
  /** Inside `try:` with a handler that catches ImportError, so a failure is handled. */
  guarded: boolean;
}

const HANDLED_IMPORT_ERRORS = /\b(?:ImportError|ModuleNotFoundError|Exception|BaseException)\b/;

/** Every import statement of a module, wherever it is, with when it runs. */
export function importsOf(root: SyntaxNode): PythonImport[] {
  const imports: PythonImport[] = [];
  for (const statement of descendantsOfType(root, ['import_statement', 'import_from_statement'])) {
    if (statement.hasError) continue;
    const context = { runs: whenItRuns(statement), guarded: isGuarded(statement) };
    if (statement.type === 'import_statement') imports.push(...plainImports(statement, context));
    else {
      const fromImport = fromImportOf(statement, context);
      if (fromImport !== undefined) imports.push(fromImport);
    }
  }
  return imports;
}

type ImportContext = Pick<PythonImport, 'runs' | 'guarded'>;

function plainImports(statement: SyntaxNode, context: ImportContext): PythonImport[] {
  return childrenForFieldName(statement, 'name').map((name) => {
    const dotted = name.type === 'aliased_import' ? name.childForFieldName('name') : name;
    const alias = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : undefined;
    const node = dotted ?? name;
    return { kind: 'import', module: node.text, level: 0, alias, names: [], star: false, node, ...context };
  });
}

function fromImportOf(statement: SyntaxNode, context: ImportContext): PythonImport | undefined {
  const moduleNode = statement.childForFieldName('module_name');
  if (moduleNode === null) return undefined;
  let module = moduleNode.text;
  let level = 0;
  if (moduleNode.type === 'relative_import') {
    const prefix = namedChildrenOf(moduleNode).find((child) => child.type === 'import_prefix');
    level = prefix?.text.length ?? 0;
    module = namedChildrenOf(moduleNode).find((child) => child.type === 'dotted_name')?.text ?? '';
  }
  const star = namedChildrenOf(statement).some((child) => child.type === 'wildcard_import');
  const names = childrenForFieldName(statement, 'name').map((name): ImportedName => {
    if (name.type === 'aliased_import') {
      const original = name.childForFieldName('name');
      return { name: original?.text ?? name.text, alias: name.childForFieldName('alias')?.text, node: name };
    }
    return { name: name.text, alias: undefined, node: name };
  });
  return { kind: 'from', module, level, alias: undefined, names, star, node: moduleNode, ...context };
}

function whenItRuns(statement: SyntaxNode): PythonImport['runs'] {
  let runs: PythonImport['runs'] = 'on-load';
  let child = statement;
  let current = statement.parent;
  while (current !== null) {
    if (current.type === 'function_definition') runs = 'on-call';
    if (current.type === 'if_statement' && isTypeCheckingBranch(current, child)) return 'never';
    child = current;
    current = current.parent;
  }
  return runs;
}

function isTypeCheckingBranch(ifStatement: SyntaxNode, child: SyntaxNode): boolean {
  const condition = ifStatement.childForFieldName('condition')?.text;
  const consequence = ifStatement.childForFieldName('consequence');
  const inConsequence = consequence !== null && consequence.startIndex === child.startIndex;
  return inConsequence && (condition === 'TYPE_CHECKING' || condition === 'typing.TYPE_CHECKING');
}

function isGuarded(statement: SyntaxNode): boolean {
  let child = statement;
  let current = statement.parent;
  while (current !== null && current.type !== 'function_definition' && current.type !== 'class_definition') {
    if (
      current.type === 'try_statement' &&
      current.childForFieldName('body')?.startIndex === child.startIndex
    ) {
      const handlers = namedChildrenOf(current).filter((clause) => clause.type === 'except_clause');
      if (handlers.some(catchesImportError)) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

function catchesImportError(handler: SyntaxNode): boolean {
  const caught = handler.childForFieldName('value');
  return caught === null || HANDLED_IMPORT_ERRORS.test(caught.text);
}
