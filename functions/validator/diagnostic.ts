import { z } from 'zod';

/** One finding about a project file: what the validator, QuantConnect's compiler or a backtest reported. */
export const Diagnostic = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  message: z.string(),
  source: z.enum(['static', 'compile', 'initialize', 'runtime', 'backtest']).default('static'),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** `file:line:col severity rule message`, the format of `quantcoder validate` and of refine prompts. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.rule} ${diagnostic.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
