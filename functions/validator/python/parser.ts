import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import type { SourceFile } from '../../agents/tasks.js';
import type { Diagnostic } from '../diagnostic.js';
import { positionOfPoint, sortDiagnostics, staticDiagnostic } from '../static-diagnostic.js';
import { indentShallowContinuationLines } from './continuation-lines.js';
import { findPython3Problems } from './python3-syntax.js';
import { findSyntaxProblems, type SyntaxProblem } from './syntax-errors.js';

/** The rule id of every parse problem. */
export const SYNTAX_ERROR_RULE = 'syntax-error';

/**
 * A parsed Python file: its tree and its syntax diagnostics (rule `syntax-error`, sorted). The tree is of an
 * equivalent source when bracketed lines had to be re-indented (see continuation-lines.ts).
 */
export interface ParsedPythonFile {
  file: SourceFile;
  tree: Parser.Tree;
  diagnostics: Diagnostic[];
}

let sharedParser: Parser | undefined;

/** One parser per process: it is a pure in-memory parser, and creating one loads the grammar. */
function pythonParser(): Parser {
  if (sharedParser === undefined) {
    const parser = new Parser();
    parser.setLanguage(Python);
    sharedParser = parser;
  }
  return sharedParser;
}

/** Parses one Python file and explains each syntax error in plain words, at a 1-based line and column. */
export function parsePythonFile(file: SourceFile): ParsedPythonFile {
  const parser = pythonParser();
  let source = file.content;
  let tree = parser.parse(source);
  const reindented = tree.rootNode.hasError ? indentShallowContinuationLines(source) : undefined;
  if (reindented !== undefined) {
    source = reindented;
    tree = parser.parse(source);
  }
  const treeSitterProblems = findSyntaxProblems(tree);
  const python3Problems = findPython3Problems(tree, source, treeSitterProblems.length > 0);
  const problems = [...treeSitterProblems, ...python3Problems];
  return { file, tree, diagnostics: toDiagnostics(file.name, problems) };
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
