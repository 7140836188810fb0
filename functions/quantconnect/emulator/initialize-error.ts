/** `ValueError : universe is empty`, LEAN's one-line form of a Python exception. */
export function exceptionSummary(failure: { exceptionType: string; message: string }): string {
  return failure.message ? `${failure.exceptionType} : ${failure.message}` : failure.exceptionType;
}

/** One frame the way LEAN prints a Python stack: method, statement, then file and line. */
export function leanStackTrace(frame: { method: string; code: string; file: string; line: number }): string {
  return `  at ${frame.method}\n    ${frame.code}\n in ${frame.file}: line ${frame.line}\n`;
}
