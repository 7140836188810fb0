import type { SourceFile } from '../../agents/tasks.js';
import { exceptionSummary, leanStackTrace } from './initialize-error.js';
import { type MethodDefinition, methodDefinitions } from './python-method-body.js';
import { type StatementFailure, statementFailure } from './statement-failure.js';

/** A failure LEAN would hit on every run of the project, and where. */
export interface CertainCrash extends StatementFailure {
  /** `initialize` failures stop the algorithm before it starts; `runtime` ones on the first data. */
  phase: 'initialize' | 'runtime';
  file: string;
  method: string;
  line: number;
  code: string;
}

const INITIALIZE = /^(?:initialize|Initialize)$/;
const ON_DATA = /^(?:on_data|OnData)$/;
const UPDATE = /^(?:update|Update)$/;
// A security added unconditionally makes LEAN deliver data, so on_data and the alpha's update run at least
// once. A universe, even one that selects nothing, is a subscription of its own: its data makes time slices,
// and LEAN hands every slice to the framework's alpha, so update runs too (on_data may not: not counted).
const SUBSCRIPTION =
  /\b(?:add_(?:equity|forex|crypto|future|index|cfd|option)|Add(?:Equity|Forex|Crypto|Future|Index|Cfd|Option))\s*\(/;
const UNIVERSE =
  /\b(?:set_universe_selection|add_universe_selection|add_universe|SetUniverseSelection|AddUniverseSelection|AddUniverse)\s*\(/;

/**
 * Finds a failure certain to happen when LEAN runs the project: a raise or a literal division by zero
 * directly in main.py's `initialize`, then in its `on_data`, then in the `update` of an alpha model that
 * main.py uses. Only unconditional statements count, so a project that might run is never failed.
 */
export function findCertainCrash(files: readonly SourceFile[]): CertainCrash | undefined {
  const main = files.find((file) => file.name === 'main.py');
  if (!main) return undefined;
  const mainMethods = methodDefinitions(main.content);
  const initialize = mainMethods.find((method) => INITIALIZE.test(method.name));
  const initializeCrash = initialize && firstFailure(initialize, 'main.py', 'initialize');
  if (initializeCrash) return initializeCrash;

  const subscribes = initialize?.statements.some((statement) => SUBSCRIPTION.test(statement.bare)) ?? false;
  const selectsUniverse = initialize?.statements.some((statement) => UNIVERSE.test(statement.bare)) ?? false;
  if (!initialize || !(subscribes || selectsUniverse)) return undefined;
  const onData = mainMethods.find(
    (method) => ON_DATA.test(method.name) && method.className === initialize.className,
  );
  const onDataCrash = subscribes && onData ? firstFailure(onData, 'main.py', 'runtime') : undefined;
  if (onDataCrash) return onDataCrash;

  for (const file of files) {
    if (!file.name.endsWith('.py')) continue;
    for (const method of methodDefinitions(file.content)) {
      if (!UPDATE.test(method.name) || !isSetAlpha(method, initialize)) continue;
      const crash = firstFailure(method, file.name, 'runtime');
      if (crash) return crash;
    }
  }
  return undefined;
}

/** The error text and LEAN-style stack trace QuantConnect reports for the crash. */
export function describeCrash(crash: CertainCrash): { error: string; stacktrace: string } {
  const summary = exceptionSummary(crash);
  const stacktrace = leanStackTrace(crash);
  if (crash.phase === 'initialize') {
    return {
      error: `During the algorithm initialization, the following exception has occurred: ${summary}\n${stacktrace} ${summary}`,
      stacktrace,
    };
  }
  return { error: `${summary}\n${stacktrace}`, stacktrace };
}

function firstFailure(
  method: MethodDefinition,
  file: string,
  phase: CertainCrash['phase'],
): CertainCrash | undefined {
  for (const statement of method.statements) {
    const failure = statementFailure(statement);
    if (failure)
      return { ...failure, phase, file, method: method.name, line: statement.line, code: statement.code };
  }
  return undefined;
}

/** An AlphaModel subclass that `initialize` always hands to LEAN (`self.set_alpha(MomentumAlphaModel(...))`). */
function isSetAlpha(method: MethodDefinition, initialize: MethodDefinition | undefined): boolean {
  const className = method.className;
  if (!className || !initialize || !method.classBases.some((base) => /\bAlphaModel$/.test(base)))
    return false;
  const setAlpha = new RegExp(`\\b(?:set_alpha|add_alpha|SetAlpha|AddAlpha)\\s*\\(\\s*${className}\\s*\\(`);
  return initialize.statements.some((statement) => setAlpha.test(statement.wholeBare));
}
