import type { AgentRole } from '../../agents/roles.js';
import type { RunBudget } from '../../pipeline/run-state.js';
import { optionalEnvironment } from '../../shared/environment.js';
import { ConfigurationError, QuantCoderError } from '../../shared/errors.js';
import { costOf, formatUsd, roundUsd, type TokenSpend } from './cost.js';
import type { TokenPrices } from './prices.js';

/**
 * The run reached its budget. Not a TransientError: retrying cannot help, so the state machine's Catch
 * sends it straight to the failure report, which keeps every file written so far.
 */
export class BudgetExceededError extends QuantCoderError {
  override readonly name: string = 'BudgetExceededError';
}

/** What a run has spent so far, as its usage entries say. */
export interface Spending {
  /** Input and output tokens, cached input included. */
  tokens: number;
  /** Dollars of the calls the price table knows. */
  usd: number;
  /** Calls whose dollars are unknown and so not counted against a dollar budget. */
  unpricedCalls: number;
}

const HOW_TO_RAISE = {
  tokens: 'Raise QUANTCODER_BUDGET_TOKENS (or the budget the run was started with) to let a run go further.',
  usd: 'Raise QUANTCODER_BUDGET_USD (or the budget the run was started with) to let a run go further.',
} as const;

function readPositive(name: string, environment: NodeJS.ProcessEnv, whole: boolean): number | undefined {
  const value = optionalEnvironment(name, environment);
  if (value === undefined) return undefined;
  const pattern = whole ? /^\d+$/ : /^\d+(?:\.\d+)?$/;
  const amount = Number(value);
  if (
    !pattern.test(value) ||
    !Number.isFinite(amount) ||
    amount <= 0 ||
    (whole && !Number.isSafeInteger(amount))
  ) {
    const example = whole
      ? 'a whole number of tokens above 0, for example 200000'
      : 'a dollar amount above 0, for example 0.50';
    throw new ConfigurationError(`${name} is ${JSON.stringify(value)}: write ${example}.`);
  }
  return amount;
}

/** The run budget from QUANTCODER_BUDGET_USD and QUANTCODER_BUDGET_TOKENS; undefined when neither is set. */
export function readBudget(environment: NodeJS.ProcessEnv = process.env): RunBudget | undefined {
  const usd = readPositive('QUANTCODER_BUDGET_USD', environment, false);
  const tokens = readPositive('QUANTCODER_BUDGET_TOKENS', environment, true);
  if (usd === undefined && tokens === undefined) return undefined;
  return { ...(usd === undefined ? {} : { usd }), ...(tokens === undefined ? {} : { tokens }) };
}

/** Adds up tokens and priced dollars. */
export function spendingOf(usage: readonly TokenSpend[]): Spending {
  const spending: Spending = { tokens: 0, usd: 0, unpricedCalls: 0 };
  for (const entry of usage) {
    spending.tokens += entry.inputTokens + entry.outputTokens;
    const cost = costOf(entry).usd;
    if (cost === null) spending.unpricedCalls += 1;
    else spending.usd += cost;
  }
  return { ...spending, usd: roundUsd(spending.usd) };
}

function formatTokens(count: number): string {
  return count.toLocaleString('en-US');
}

/** Throws a BudgetExceededError when the run has already spent its budget, before `role`'s call. */
export function assertWithinBudget(budget: RunBudget, spending: Spending, role: AgentRole): void {
  if (budget.tokens !== undefined && spending.tokens >= budget.tokens) {
    throw new BudgetExceededError(
      `The run's budget of ${formatTokens(budget.tokens)} tokens is spent: ${formatTokens(spending.tokens)} tokens (input and output) were used before the ${role} agent's call. ${HOW_TO_RAISE.tokens}`,
    );
  }
  if (budget.usd !== undefined && spending.usd >= budget.usd) {
    throw new BudgetExceededError(
      `The run's budget of ${formatUsd(budget.usd)} is spent: ${formatUsd(spending.usd)} was used before the ${role} agent's call. ${HOW_TO_RAISE.usd}`,
    );
  }
}

/**
 * The most output tokens one call may still produce within the budget (at least 1), or undefined when
 * nothing limits it. The dollar limit needs the serving model's output price; without one it does not apply.
 */
export function outputAllowance(
  budget: RunBudget,
  spending: Spending,
  prices: TokenPrices | undefined,
): number | undefined {
  const limits: number[] = [];
  if (budget.tokens !== undefined) limits.push(budget.tokens - spending.tokens);
  if (budget.usd !== undefined && prices && prices.output > 0) {
    limits.push(Math.floor(((budget.usd - spending.usd) * 1_000_000) / prices.output));
  }
  if (limits.length === 0) return undefined;
  return Math.max(1, Math.min(...limits));
}

/** The error for an answer that did not fit in the output the budget still allowed. */
export function truncatedByBudget(
  budget: RunBudget,
  spending: Spending,
  role: AgentRole,
  allowance: number,
  cause: unknown,
): BudgetExceededError {
  const spent = [
    budget.tokens === undefined
      ? undefined
      : `${formatTokens(spending.tokens)} of ${formatTokens(budget.tokens)} tokens`,
    budget.usd === undefined ? undefined : `${formatUsd(spending.usd)} of ${formatUsd(budget.usd)}`,
  ]
    .filter((part) => part !== undefined)
    .join(' and ');
  const raise = budget.tokens !== undefined ? HOW_TO_RAISE.tokens : HOW_TO_RAISE.usd;
  return new BudgetExceededError(
    `The run's budget is nearly spent (${spent} used): it left room for only ${formatTokens(allowance)} output tokens for the ${role} agent's answer, which did not fit. ${raise}`,
    { cause },
  );
}
