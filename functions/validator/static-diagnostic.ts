import type { Point, Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from './diagnostic.js';

/** A 1-based place in a file, as diagnostics report it. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The place a diagnostic points at when it concerns a whole file rather than a spot in it. */
export const START_OF_FILE: SourcePosition = { line: 1, column: 1 };

/** The 1-based position of a tree-sitter point (tree-sitter counts rows and columns from 0). */
export function positionOfPoint(point: Point): SourcePosition {
  return { line: point.row + 1, column: point.column + 1 };
}

/** The 1-based position where a syntax node starts. */
export function positionOf(node: SyntaxNode): SourcePosition {
  return positionOfPoint(node.startPosition);
}

/** A diagnostic found by the static validator. */
export function staticDiagnostic(
  file: string,
  position: SourcePosition,
  severity: Diagnostic['severity'],
  rule: string,
  message: string,
): Diagnostic {
  return { file, line: position.line, column: position.column, severity, rule, message, source: 'static' };
}

/** Orders diagnostics by file, line, column, then errors before warnings, rule and message. */
export function compareDiagnostics(left: Diagnostic, right: Diagnostic): number {
  if (left.file !== right.file) return left.file < right.file ? -1 : 1;
  if (left.line !== right.line) return left.line - right.line;
  if (left.column !== right.column) return left.column - right.column;
  if (left.severity !== right.severity) return left.severity === 'error' ? -1 : 1;
  if (left.rule !== right.rule) return left.rule < right.rule ? -1 : 1;
  if (left.message !== right.message) return left.message < right.message ? -1 : 1;
  return 0;
}

/** Sorted copy without exact duplicates (two rules may reach the same finding through different paths). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return sorted.filter((diagnostic, index) => {
    const previous = sorted[index - 1];
    return (
      previous === undefined ||
      compareDiagnostics(previous, diagnostic) !== 0 ||
      previous.source !== diagnostic.source
    );
  });
}
