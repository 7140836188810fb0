import { methodDefinitions } from './python-method-body.js';
import { raiseFailure } from './statement-failure.js';

/** An exception main.py's `initialize` raises unconditionally. */
export interface InitializeRaise {
  exceptionType: string;
  message: string;
  /** The method as spelled in the file: `initialize` or `Initialize`. */
  method: string;
  /** 1-based line of the raise statement in main.py. */
  line: number;
  code: string;
}

const INITIALIZE = /^(?:initialize|Initialize)$/;

/**
 * Finds a `raise` statement directly in the body of `initialize` (not nested under if/for/try), which
 * LEAN would hit on every run. Returns the first one, or undefined.
 */
export function findInitializeRaise(mainSource: string): InitializeRaise | undefined {
  const initialize = methodDefinitions(mainSource).find((method) => INITIALIZE.test(method.name));
  if (!initialize) return undefined;
  for (const statement of initialize.statements) {
    const failure = raiseFailure(statement);
    if (failure) return { ...failure, method: initialize.name, line: statement.line, code: statement.code };
  }
  return undefined;
}

/** The error text and stack trace LEAN reports for an exception raised in initialize. */
export function describeInitializeRaise(
  failure: InitializeRaise,
  file = 'main.py',
): { error: string; stacktrace: string } {
  const summary = exceptionSummary(failure);
  const stacktrace = leanStackTrace({ ...failure, file });
  return {
    error: `During the algorithm initialization, the following exception has occurred: ${summary}\n${stacktrace} ${summary}`,
    stacktrace,
  };
}

/** `ValueError : universe is empty`, LEAN's one-line form of a Python exception. */
export function exceptionSummary(failure: { exceptionType: string; message: string }): string {
  return failure.message ? `${failure.exceptionType} : ${failure.message}` : failure.exceptionType;
}

/** One frame the way LEAN prints a Python stack: method, statement, then file and line. */
export function leanStackTrace(frame: { method: string; code: string; file: string; line: number }): string {
  return `  at ${frame.method}\n    ${frame.code}\n in ${frame.file}: line ${frame.line}\n`;
}
