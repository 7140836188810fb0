import type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
import { checkBlockLayout } from './block-layout.js';
import { parametersOf } from './parameters.js';
import type { SyntaxProblem } from './syntax-errors.js';
import { ancestorOfType, childrenOf, descendantsOfType, namedChildrenOf, tokenAfter } from './syntax-tree.js';

/*
 * tree-sitter-python also accepts Python 2 and some code CPython's compiler rejects (an empty block, a stray
 * indent, `return` at module level). Each check here reports only what CPython 3 certainly refuses to compile.
 */

const CHECKED_TYPES = [
  'print_statement',
  'exec_statement',
  'except_clause',
  '<>',
  'integer',
  'block',
  'return_statement',
  'yield',
  'break_statement',
  'continue_statement',
  'argument_list',
  'parameters',
  'lambda_parameters',
  'try_statement',
];

/** Checks that depend on where a statement sits, which an error elsewhere in the file can throw off. */
const CONTEXT_DEPENDENT = new Set([
  'block',
  'return_statement',
  'yield',
  'break_statement',
  'continue_statement',
  'try_statement',
]);

const HANDLERS = new Set(['except_clause', 'except_group_clause', 'finally_clause']);
const FUNCTION_SCOPES = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
const LOOP_SCOPES = new Set([
  'for_statement',
  'while_statement',
  'function_definition',
  'class_definition',
  'module',
]);

/**
 * Problems CPython 3 reports at compile time that tree-sitter's grammar lets through. `treeHasErrors` says
 * whether tree-sitter found ERROR or MISSING nodes (its own `hasError` flag is also set by silent recoveries).
 */
export function findPython3Problems(tree: Tree, source: string, treeHasErrors: boolean): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const node of descendantsOfType(tree.rootNode, CHECKED_TYPES)) {
    // Once tree-sitter has recovered from an error, which block or loop a statement is in is a guess.
    if (treeHasErrors && CONTEXT_DEPENDENT.has(node.type)) continue;
    const problem = checkNode(node);
    if (problem === undefined || (treeHasErrors && (node.hasError || node.parent?.hasError))) continue;
    problems.push(...problem);
  }
  if (!treeHasErrors) problems.push(...checkBlockLayout(tree, source));
  return problems;
}

function checkNode(node: SyntaxNode): SyntaxProblem[] | undefined {
  switch (node.type) {
    case 'print_statement':
      // `print >> f, x` compiles in Python 3 (as a tuple expression); it fails only when it runs.
      if (childrenOf(node).some((child) => child.type === 'chevron')) return undefined;
      return at(node, 'print is a function in Python 3: write print(...)');
    case 'exec_statement':
      return at(node, 'exec is a function in Python 3: write exec(...)');
    case 'except_clause':
      return python2Except(node);
    case '<>':
      return at(node, "'<>' is not Python 3: write '!='");
    case 'integer':
      return integerLiteral(node);
    case 'block':
      return emptyBlock(node);
    case 'return_statement':
      return outside(node, FUNCTION_SCOPES, 'function_definition', "'return' outside a function");
    case 'yield':
      if (!node.isNamed) return undefined;
      if (ancestorOfType(node, FUNCTION_SCOPES)?.type === 'lambda') return undefined;
      return outside(node, FUNCTION_SCOPES, 'function_definition', "'yield' outside a function");
    case 'break_statement':
    case 'continue_statement':
      return loopControl(node);
    case 'argument_list':
      return argumentOrder(node);
    case 'try_statement':
      return namedChildrenOf(node).some((clause) => HANDLERS.has(clause.type))
        ? undefined
        : at(node, "'try' needs an 'except' or 'finally' block");
    default:
      return parameterList(node);
  }
}

function at(node: SyntaxNode, message: string): SyntaxProblem[] {
  return [{ point: node.startPosition, message }];
}

function python2Except(node: SyntaxNode): SyntaxProblem[] | undefined {
  const comma = childrenOf(node).find((child) => child.type === ',');
  if (comma === undefined) return undefined;
  return at(comma, "Python 2 except syntax: write 'except ErrorType as name:'");
}

function integerLiteral(node: SyntaxNode): SyntaxProblem[] | undefined {
  const text = node.text;
  if (/^[0-9][0-9_]*[lL]$|^0[xXoObB][0-9a-fA-F_]*[lL]$/.test(text)) {
    return at(node, `the 'L' suffix of ${text} is Python 2: remove it`);
  }
  if (/^0[0-9_]*$/.test(text) && /[1-9]/.test(text)) {
    return at(
      node,
      `leading zeros are not allowed in ${text}: write 0o${text.replace(/^[0_]+/, '')} for octal`,
    );
  }
  return undefined;
}

function emptyBlock(block: SyntaxNode): SyntaxProblem[] | undefined {
  const count = block.namedChildCount;
  // A block of more than a few children certainly holds a statement; only comments would make it empty.
  if (count > 3 || namedChildrenOf(block).some((child) => !child.isExtra)) return undefined;
  const header = block.parent;
  if (header === null) return undefined;
  const keyword = header.firstChild?.type ?? header.type;
  const next = tokenAfter(block);
  const point = next?.startPosition ?? block.startPosition;
  return [
    {
      point,
      message: `expected an indented block after the '${keyword}' line (line ${header.startPosition.row + 1})`,
    },
  ];
}

function outside(node: SyntaxNode, scopes: ReadonlySet<string>, allowed: string, message: string) {
  const scope = ancestorOfType(node, scopes);
  return scope?.type === allowed ? undefined : at(node, message);
}

function loopControl(node: SyntaxNode): SyntaxProblem[] | undefined {
  const scope = ancestorOfType(node, LOOP_SCOPES);
  if (scope?.type === 'for_statement' || scope?.type === 'while_statement') return undefined;
  return at(node, `'${node.firstChild?.type ?? 'break'}' outside a loop`);
}

function argumentOrder(node: SyntaxNode): SyntaxProblem[] | undefined {
  // Without '=' or '**' there is no keyword argument to be out of order (most calls).
  const text = node.text;
  if (!text.includes('=') && !text.includes('**')) return undefined;
  let keywordSeen = false;
  let keywordUnpackingSeen = false;
  const keywords = new Set<string>();
  for (const argument of namedChildrenOf(node)) {
    if (argument.isExtra) continue;
    switch (argument.type) {
      case 'keyword_argument': {
        keywordSeen = true;
        const name = argument.childForFieldName('name')?.text ?? '';
        if (keywords.has(name)) return at(argument, `keyword argument '${name}' is repeated`);
        keywords.add(name);
        break;
      }
      case 'dictionary_splat':
        keywordUnpackingSeen = true;
        break;
      case 'list_splat':
        if (keywordUnpackingSeen) return at(argument, "'*' unpacking follows '**' unpacking");
        break;
      default:
        if (keywordSeen || keywordUnpackingSeen) {
          return at(argument, 'positional argument follows keyword argument');
        }
    }
  }
  return undefined;
}

function parameterList(node: SyntaxNode): SyntaxProblem[] | undefined {
  const seen = new Set<string>();
  let defaultSeen = false;
  let keywordCollector: string | undefined;
  for (const parameter of parametersOf(node)) {
    if (keywordCollector !== undefined) {
      return at(
        parameter.node,
        `parameter '${parameter.name}' follows '**${keywordCollector}', which must be last`,
      );
    }
    if (parameter.kind === 'var-keyword') keywordCollector = parameter.name;
    if (seen.has(parameter.name)) return at(parameter.node, `duplicate parameter '${parameter.name}'`);
    seen.add(parameter.name);
    const positional = parameter.kind === 'positional' || parameter.kind === 'positional-only';
    if (positional && parameter.hasDefault) defaultSeen = true;
    else if (positional && defaultSeen) {
      return at(
        parameter.node,
        `parameter '${parameter.name}' without a default follows a parameter with a default`,
      );
    }
  }
  return undefined;
}
