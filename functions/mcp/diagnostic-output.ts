import { z } from 'zod';
import { type Diagnostic, formatDiagnostic } from '../validator/diagnostic.js';

/** A finding as the tools return it: where, how bad, which rule, what, and the names it suggests instead. */
export const DiagnosticOutput = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
  source: z.enum(['static', 'compile', 'initialize', 'runtime', 'backtest']),
  /** The names the message proposes ("did you mean 'set_holdings'?"), best first; empty when none. */
  suggestions: z.array(z.string()),
});
export type DiagnosticOutput = z.infer<typeof DiagnosticOutput>;

const DID_YOU_MEAN = /\(did you mean (.+?)\?\)/;

/** The diagnostic with the suggestions its message carries pulled out. */
export function toDiagnosticOutput(diagnostic: Diagnostic): DiagnosticOutput {
  const proposed = DID_YOU_MEAN.exec(diagnostic.message)?.[1] ?? '';
  const suggestions = [...proposed.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '');
  return {
    file: diagnostic.file,
    line: diagnostic.line,
    column: diagnostic.column,
    severity: diagnostic.severity,
    rule: diagnostic.rule,
    message: diagnostic.message,
    source: diagnostic.source,
    suggestions: suggestions.filter((suggestion) => suggestion !== ''),
  };
}

/** `file:line:col severity rule message` lines, at most `limit` of them, then how many more there are. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], limit = 25): string {
  const lines = diagnostics.slice(0, limit).map(formatDiagnostic);
  if (diagnostics.length > limit) lines.push(`... and ${diagnostics.length - limit} more`);
  return lines.join('\n');
}

/** `2 errors, 1 warning`. */
export function countText(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
