import type { BodyStatement } from './python-method-body.js';

/** The Python exception a statement raises every time it runs. */
export interface StatementFailure {
  exceptionType: string;
  message: string;
}

const RAISE = /^raise(?:\s*$|\s*#|\s+([A-Za-z_][\w.]*)(.*)$)/;
// A numeric literal divided by a zero literal: Python raises for plain numbers (numpy would only warn,
// which is why a name on the left does not count).
const LITERAL_DIVISION_BY_ZERO =
  /(?<![\w.)\]])(\d+(?:\.\d*)?|\.\d+)\s*(\/\/?)\s*(0+(?:\.0*)?|\.0+)(?![\w.([])/;
// Words that make part of a statement conditional or lazy, so a division inside it may never run.
const CONDITIONAL_WORDS = /\b(?:if|else|and|or|lambda|for|while|yield|async|await)\b/;
const DEFINITION = /^(?:def|class|async|@)/;

/** The exception `raise ...` throws: its type and the first string literal of its arguments. */
export function raiseFailure(statement: BodyStatement): StatementFailure | undefined {
  const match = statement.code.match(RAISE);
  if (!match) return undefined;
  if (!match[1]) return { exceptionType: 'RuntimeError', message: 'No active exception to reraise' };
  return { exceptionType: match[1], message: firstStringLiteral(match[2] ?? '') };
}

/** A raise, or a division of a number literal by a zero literal, in a statement that always runs. */
export function statementFailure(statement: BodyStatement): StatementFailure | undefined {
  const raised = raiseFailure(statement);
  if (raised) return raised;
  if (DEFINITION.test(statement.code) || CONDITIONAL_WORDS.test(statement.bare)) return undefined;
  const division = statement.bare.match(LITERAL_DIVISION_BY_ZERO);
  if (!division) return undefined;
  const floating = (division[1] ?? '').includes('.') || (division[3] ?? '').includes('.');
  const floor = division[2] === '//';
  // Python 3.11's wording, the version LEAN runs.
  const message = floor
    ? floating
      ? 'float floor division by zero'
      : 'integer division or modulo by zero'
    : floating
      ? 'float division by zero'
      : 'division by zero';
  return { exceptionType: 'ZeroDivisionError', message };
}

function firstStringLiteral(argumentsText: string): string {
  const match = argumentsText.match(
    /(?:\b[rRbBuUfF]{1,2})?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/,
  );
  const literal = match?.[1];
  if (!literal) return '';
  const quote = literal.startsWith('"""') || literal.startsWith("'''") ? 3 : 1;
  return literal.slice(quote, literal.length - quote);
}
