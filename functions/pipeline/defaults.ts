import type { PlanDefaults } from '../agents/tasks.js';
import { readBudget } from '../llm/ledger/budget.js';
import type { Limits, RunRequest } from './run-state.js';

/** Bounds of every loop in a run, unless the caller sets its own. */
export const DEFAULT_LIMITS: Limits = {
  maxRefineAttempts: 3,
  maxPolls: 40,
  initialPollSeconds: 5,
  maxPollSeconds: 60,
};

/** The limits a run started from these settings gets: the defaults, with QUANTCODER_BUDGET_* when set. */
export function runLimits(environment: NodeJS.ProcessEnv): Limits {
  const budget = readBudget(environment);
  return budget === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, budget };
}

export const DEFAULT_CASH = 100_000;

/**
 * Dates and cash for ideas that name none: the six last full calendar years, so a backtest
 * covers more than one market regime and never reaches into days without data.
 */
export function planDefaults(request: RunRequest, now: Date): PlanDefaults {
  const lastFullYear = now.getUTCFullYear() - 1;
  return {
    startDate: request.backtest?.startDate ?? `${lastFullYear - 5}-01-01`,
    endDate: request.backtest?.endDate ?? `${lastFullYear}-12-31`,
    cash: request.backtest?.cash ?? DEFAULT_CASH,
  };
}
