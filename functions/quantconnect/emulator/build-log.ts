import type { Diagnostic } from '../../validator/diagnostic.js';
import type { CompileState } from '../port.js';

/** A finished compile: its state and the log lines QuantConnect would show. */
export interface BuildOutcome {
  state: Extract<CompileState, 'BuildSuccess' | 'BuildError'>;
  logs: string[];
}

/**
 * Turns compile-check diagnostics into QuantConnect's build log: one line per finding, carrying file,
 * line and column the way QuantConnect prints them, errors first.
 */
export function buildOutcome(
  projectId: number,
  compileId: string,
  diagnostics: readonly Diagnostic[],
): BuildOutcome {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  const warningLines = warnings.map((diagnostic) => buildLogLine('Build Warning', diagnostic));
  if (errors.length > 0) {
    return {
      state: 'BuildError',
      logs: [...errors.map((diagnostic) => buildLogLine('Build Error', diagnostic)), ...warningLines],
    };
  }
  return {
    state: 'BuildSuccess',
    logs: [
      `Build Request Successful for Project ID: ${projectId}, with CompileID: ${compileId}, Lean Version: emulated`,
      ...warningLines,
    ],
  };
}

/** `Build Error: File: alpha.py Line: 12 Column: 5 - SyntaxError: invalid syntax` */
export function buildLogLine(kind: 'Build Error' | 'Build Warning', diagnostic: Diagnostic): string {
  return `${kind}: File: ${diagnostic.file} Line: ${diagnostic.line} Column: ${diagnostic.column} - ${diagnostic.message}`;
}
