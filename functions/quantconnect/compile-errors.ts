import type { Diagnostic } from '../validator/diagnostic.js';
import type { BacktestSnapshot } from './port.js';

// QuantConnect prints Python build problems in a few shapes; each pattern captures file, line, column, message.
const BUILD_LINE =
  /File:\s*(?<file>[^\s]+)\s+Line:\s*(?<line>\d+)(?:\s+Column:\s*(?<column>\d+))?\s*-\s*(?<message>.+)$/;
const TRACEBACK_FRAME = /File "(?<path>[^"]+)", line (?<line>\d+)(?:, in (?<function>\S+))?/;
/** LEAN's own stack-trace shape: `  at update\n    code\n in alpha.py: line 12`, innermost frame first. */
const LEAN_FRAME = /\bin (?<path>[^\s:]+\.py):\s*line (?<line>\d+)/;

// Without the project's file list (undefined), the name the log gives is trusted.
function projectFileName(path: string, projectFiles: ReadonlySet<string> | undefined): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  return projectFiles === undefined || projectFiles.has(name) ? name : undefined;
}

/**
 * Turns compile log lines into diagnostics; lines that name no project file are kept on main.py. Without
 * `projectFiles`, each line keeps the file name it gives.
 */
export function parseCompileLogs(logs: readonly string[], projectFiles?: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of logs) {
    const match = BUILD_LINE.exec(line);
    if (!match?.groups) continue;
    const { file = '', line: lineNumber = '0', column = '0', message = line } = match.groups;
    diagnostics.push({
      file: projectFileName(file, projectFiles) ?? 'main.py',
      line: Number(lineNumber),
      column: Number(column),
      severity: 'error',
      rule: 'quantconnect-build',
      message: message.trim(),
      source: 'compile',
    });
  }
  if (diagnostics.length === 0 && logs.length > 0) {
    diagnostics.push({
      file: 'main.py',
      line: 0,
      column: 0,
      severity: 'error',
      rule: 'quantconnect-build',
      message: logs.join(' ').slice(0, 500),
      source: 'compile',
    });
  }
  return diagnostics;
}

/**
 * Turns a runtime error and its Python stack trace into one diagnostic at the innermost frame in a
 * project file (the line the project's own code failed on).
 */
export function parseRuntimeError(
  error: string,
  stacktrace: string | null,
  projectFiles: ReadonlySet<string>,
  source: 'runtime' | 'initialize' = 'runtime',
): Diagnostic {
  let location: { file: string; line: number } | undefined;
  let leanLocation: { file: string; line: number } | undefined;
  for (const line of `${stacktrace ?? ''}\n${error}`.split('\n')) {
    const match = TRACEBACK_FRAME.exec(line);
    const file = match?.groups?.path ? projectFileName(match.groups.path, projectFiles) : undefined;
    // A Python traceback lists the innermost frame last.
    if (file && match?.groups?.line) location = { file, line: Number(match.groups.line) };
    const leanMatch = LEAN_FRAME.exec(line);
    const leanFile = leanMatch?.groups?.path
      ? projectFileName(leanMatch.groups.path, projectFiles)
      : undefined;
    if (leanFile && leanMatch?.groups?.line && !leanLocation) {
      leanLocation = { file: leanFile, line: Number(leanMatch.groups.line) };
    }
  }
  location ??= leanLocation;
  return {
    file: location?.file ?? 'main.py',
    line: location?.line ?? 0,
    column: 0,
    severity: 'error',
    rule: source === 'initialize' ? 'initialize-error' : 'runtime-error',
    message: error.trim().split('\n')[0] ?? error,
    source,
  };
}

/** The runtime error a failed backtest reports, at the innermost frame in one of the project's files. */
export function runtimeDiagnostic(
  snapshot: Pick<BacktestSnapshot, 'error' | 'stacktrace'>,
  projectFiles: ReadonlySet<string>,
): Diagnostic {
  return parseRuntimeError(snapshot.error ?? 'Runtime Error', snapshot.stacktrace, projectFiles);
}
