import type { Tree } from 'web-tree-sitter';
import type { SourceFile } from '../../agents/tasks.js';
import { QuantCoderError } from '../../shared/errors.js';
import type { Diagnostic } from '../diagnostic.js';
import { positionOfPoint, sortDiagnostics, staticDiagnostic } from '../static-diagnostic.js';
import { blankRepeatedCommentLines } from './comment-runs.js';
import { indentShallowContinuationLines } from './continuation-lines.js';
import { findLineContinuationProblems } from './line-continuation.js';
import { pythonParser } from './python-language.js';
import { findPython3Problems } from './python3-syntax.js';
import { findSyntaxProblems, type SyntaxProblem } from './syntax-errors.js';

/** The rule id of every parse problem. */
export const SYNTAX_ERROR_RULE = 'syntax-error';

/**
 * A parsed Python file: its tree and its syntax diagnostics (rule `syntax-error`, sorted). The tree is of an
 * equivalent source: of each run of comment lines only the first is kept (see comment-runs.ts), and bracketed
 * lines are re-indented when tree-sitter misreads them (see continuation-lines.ts). The tree lives
 * in WebAssembly memory, which no garbage collector frees: whoever parses calls `tree.delete()` when done.
 */
export interface ParsedPythonFile {
  file: SourceFile;
  tree: Tree;
  /** The text the tree was parsed from (see above): node offsets and positions refer to it. */
  source: string;
  diagnostics: Diagnostic[];
}

/** Parses one Python file and explains each syntax error in plain words, at a 1-based line and column. */
export function parsePythonFile(file: SourceFile): ParsedPythonFile {
  let source = blankRepeatedCommentLines(file.content) ?? file.content;
  let tree = parse(source);
  const reindented = tree.rootNode.hasError ? indentShallowContinuationLines(source) : undefined;
  if (reindented !== undefined) {
    tree.delete();
    source = reindented;
    tree = parse(source);
  }
  try {
    // CPython's tokenizer stops at a stray line continuation before parsing; what tree-sitter reports
    // after it is recovery noise, often far away.
    const continuationProblems = findLineContinuationProblems(file.content);
    if (continuationProblems.length > 0) {
      return { file, tree, source, diagnostics: toDiagnostics(file.name, continuationProblems) };
    }
    const treeSitterProblems = findSyntaxProblems(tree, source);
    const python3Problems = findPython3Problems(tree, source, treeSitterProblems.length > 0);
    const problems = [...treeSitterProblems, ...python3Problems];
    return { file, tree, source, diagnostics: toDiagnostics(file.name, problems) };
  } catch (error) {
    tree.delete();
    throw error;
  }
}

function parse(source: string): Tree {
  const tree = pythonParser().parse(source);
  // Only a cancelled parse (timeout, progress callback) or a parser without a language returns null.
  if (tree === null) throw new QuantCoderError('The Python parser returned no tree');
  return tree;
}

/**
 * One diagnostic per line: a second problem on a line is nearly always a consequence of the first
 * (tree-sitter recovers in several places around one mistake), and CPython would report only one.
 */
function toDiagnostics(fileName: string, problems: readonly SyntaxProblem[]): Diagnostic[] {
  const lines = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  for (const problem of problems) {
    if (lines.has(problem.point.row)) continue;
    lines.add(problem.point.row);
    diagnostics.push(
      staticDiagnostic(fileName, positionOfPoint(problem.point), 'error', SYNTAX_ERROR_RULE, problem.message),
    );
  }
  return sortDiagnostics(diagnostics);
}
