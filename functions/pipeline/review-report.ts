import { z } from 'zod';
import { Diagnostic } from '../validator/diagnostic.js';

/** The full findings of one validation or backtest review, stored as an artifact; the state keeps a summary. */
export const ReviewReport = z.object({
  attempt: z.number().int().positive(),
  phase: z.enum(['static', 'compile', 'initialize', 'backtest']),
  diagnostics: z.array(Diagnostic),
});
export type ReviewReport = z.infer<typeof ReviewReport>;

/**
 * The project files that must change to fix these diagnostics: each error goes to the file it names,
 * and errors on files the project does not have go to main.py, which wires everything.
 */
export function filesToRepair(diagnostics: readonly Diagnostic[], projectFiles: readonly string[]): string[] {
  const targets = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error') continue;
    targets.add(
      projectFiles.includes(diagnostic.file) && diagnostic.file.endsWith('.py') ? diagnostic.file : 'main.py',
    );
  }
  return [...targets].sort();
}
