import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { Diagnostic } from '../../functions/validator/diagnostic.js';
import { validatePaths } from '../../functions/validator/validate-paths.js';

export interface ValidateCommandOptions {
  json?: boolean;
}

/** A diagnostic as `formatDiagnostic` writes it, its severity coloured; built from the fields so nothing else is. */
export function coloredDiagnostic(diagnostic: Diagnostic, colors: Colors = pc): string {
  const severity =
    diagnostic.severity === 'error' ? colors.red(diagnostic.severity) : colors.yellow(diagnostic.severity);
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${severity} ${diagnostic.rule} ${diagnostic.message}`;
}

/** `quantcoder validate <path...>`: statically checks QuantConnect Python files; exit 1 on any error. */
export async function validateCommand(paths: string[], options: ValidateCommandOptions): Promise<void> {
  const result = await validatePaths(paths);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  if (options.json) {
    const diagnostics = result.diagnostics.map(({ file, line, column, severity, rule, message }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
    }));
    process.stdout.write(`${JSON.stringify({ files: result.files, diagnostics }, null, 2)}\n`);
  } else {
    for (const diagnostic of result.diagnostics) process.stdout.write(`${coloredDiagnostic(diagnostic)}\n`);
    const warnings = result.diagnostics.length - errors;
    const verdict = errors > 0 ? pc.red(plural(errors, 'error')) : pc.green('no errors');
    process.stderr.write(
      `${plural(result.files, 'file')} checked: ${verdict}, ${plural(warnings, 'warning')}\n`,
    );
  }
  if (errors > 0) process.exitCode = 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
