import { isCalendarDate } from '../shared/calendar-date.js';
import { UserInputError } from '../shared/errors.js';
import { maskStringsAndComments } from '../validator/python/line-scanner.js';

/** Dates and cash a user asks a backtest to use instead of those main.py sets. */
export interface BacktestSettings {
  /** YYYY-MM-DD */
  start?: string;
  /** YYYY-MM-DD */
  end?: string;
  cash?: number;
}

/** One call main.py now makes differently, for telling the user. */
export interface SettingChange {
  call: string;
  line: number;
  action: 'replaced' | 'inserted';
}

const SETTERS = {
  start: { snake: 'set_start_date', pascal: 'SetStartDate' },
  end: { snake: 'set_end_date', pascal: 'SetEndDate' },
  cash: { snake: 'set_cash', pascal: 'SetCash' },
} as const;

// Matched on the masked source, where a trailing comment is already blank.
const INITIALIZE = /^([ \t]*)def[ \t]+(initialize|Initialize)[ \t]*\([ \t]*self\b[^)]*\)[^:\n]*:[ \t]*$/m;

/** Parses `YYYY-MM-DD` into LEAN's `(year, month, day)` arguments; anything else is a user error. */
export function dateArguments(value: string, option: string): string {
  if (!isCalendarDate(value)) {
    throw new UserInputError(`${option} takes a date as YYYY-MM-DD, for example 2020-01-31; got '${value}'.`);
  }
  const [year, month, day] = value.split('-').map(Number);
  return `${year}, ${month}, ${day}`;
}

/**
 * main.py with its start date, end date and cash calls set to `settings`: each existing
 * `self.set_start_date(...)` (or SetStartDate) call has its arguments replaced; a missing one is added at
 * the top of initialize, in the file's naming form. Only the calls on `self` inside the file change.
 */
export function applyBacktestSettings(
  main: string,
  settings: BacktestSettings,
): { content: string; changes: SettingChange[] } {
  const wanted: Array<[keyof typeof SETTERS, string]> = [];
  if (settings.start !== undefined) wanted.push(['start', dateArguments(settings.start, '--start')]);
  if (settings.end !== undefined) wanted.push(['end', dateArguments(settings.end, '--end')]);
  if (settings.cash !== undefined) wanted.push(['cash', String(settings.cash)]);
  if (settings.start !== undefined && settings.end !== undefined && settings.start > settings.end) {
    throw new UserInputError(`--start ${settings.start} is after --end ${settings.end}.`);
  }
  let content = main;
  const changes: SettingChange[] = [];
  const missing: Array<[keyof typeof SETTERS, string]> = [];
  for (const [setting, argumentsText] of wanted) {
    const replaced = replaceCalls(content, SETTERS[setting], argumentsText);
    content = replaced.content;
    changes.push(...replaced.changes);
    if (replaced.changes.length === 0) missing.push([setting, argumentsText]);
  }
  if (missing.length > 0) {
    const inserted = insertCalls(content, missing);
    content = inserted.content;
    // Lines are those of the new main.py: the replaced calls below the insertion moved down.
    const at = inserted.changes[0]?.line ?? 0;
    for (const change of changes) if (change.line >= at) change.line += inserted.changes.length;
    changes.push(...inserted.changes);
  }
  return { content, changes: changes.sort((left, right) => left.line - right.line) };
}

function replaceCalls(
  source: string,
  names: { snake: string; pascal: string },
  argumentsText: string,
): { content: string; changes: SettingChange[] } {
  const call = new RegExp(`\\bself\\.(${names.snake}|${names.pascal})[ \\t]*\\(`, 'g');
  // Calls are found in code only: a docstring or comment that shows one, or a '#' inside a string, changes nothing.
  const code = maskStringsAndComments(source);
  const changes: SettingChange[] = [];
  let content = '';
  let copied = 0;
  for (const match of code.matchAll(call)) {
    const open = match.index + match[0].length - 1;
    const close = closingParenthesis(code, open);
    if (close === undefined) continue;
    content += `${source.slice(copied, open + 1)}${argumentsText}`;
    copied = close;
    changes.push({
      call: `${match[1]}(${argumentsText})`,
      line: lineOf(source, match.index),
      action: 'replaced',
    });
  }
  return { content: content + source.slice(copied), changes };
}

function insertCalls(
  source: string,
  missing: ReadonlyArray<[keyof typeof SETTERS, string]>,
): { content: string; changes: SettingChange[] } {
  const definition = INITIALIZE.exec(maskStringsAndComments(source));
  if (!definition) {
    throw new UserInputError(
      'main.py has no initialize(self) method to set the backtest dates or cash in: pass the project that holds the algorithm.',
    );
  }
  const form = definition[2] === 'Initialize' ? 'pascal' : 'snake';
  const bodyStart = definition.index + definition[0].length + 1;
  const indent = /^[ \t]*(?=\S)/m.exec(source.slice(bodyStart))?.[0] ?? `${definition[1]}    `;
  const line = lineOf(source, bodyStart);
  const lines = missing.map(
    ([setting, argumentsText]) => `${indent}self.${SETTERS[setting][form]}(${argumentsText})`,
  );
  return {
    content: `${source.slice(0, bodyStart)}${lines.join('\n')}\n${source.slice(bodyStart)}`,
    changes: missing.map(([setting, argumentsText], index) => ({
      call: `${SETTERS[setting][form]}(${argumentsText})`,
      line: line + index,
      action: 'inserted',
    })),
  };
}

/** The index of the `)` that closes the `(` at `open` in masked code, skipping nested brackets. */
function closingParenthesis(code: string, open: number): number | undefined {
  let depth = 0;
  for (let index = open; index < code.length; index += 1) {
    const character = code[index];
    if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

function lineOf(source: string, index: number): number {
  let line = 1;
  for (
    let position = source.indexOf('\n');
    position !== -1 && position < index;
    position = source.indexOf('\n', position + 1)
  ) {
    line += 1;
  }
  return line;
}
