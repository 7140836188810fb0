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

/** The budget's limits in words, tokens first, joined by `conjunction`: "200,000 tokens and $0.50". */
export function describeBudget(budget: RunBudget, conjunction: 'and' | 'or' = 'and'): string {
  return [
    budget.tokens === undefined ? undefined : `${formatTokens(budget.tokens)} tokens`,
    budget.usd === undefined ? undefined : formatUsd(budget.usd),
  ]
    .filter((part) => part !== undefined)
    .join(` ${conjunction} `);
}

/** What is spent of each limit: "1,200 of 2,000 tokens and $0.04 of $0.10". */
function spentText(budget: RunBudget, spending: Spending): string {
  return [
    budget.tokens === undefined
      ? undefined
      : `${formatTokens(spending.tokens)} of ${formatTokens(budget.tokens)} tokens`,
    budget.usd === undefined ? undefined : `${formatUsd(spending.usd)} of ${formatUsd(budget.usd)}`,
  ]
    .filter((part) => part !== undefined)
    .join(' and ');
}

/** How to let a run go further: the token limit's variable when there is one, else the dollar limit's. */
function raiseText(budget: RunBudget): string {
  return budget.tokens !== undefined ? HOW_TO_RAISE.tokens : HOW_TO_RAISE.usd;
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

/** One model call as the budget sees it before it is made. */
export interface PlannedCall {
  /** An estimate of the prompt's tokens. */
  promptTokens: number;
  /** Calls that start from the same spending at once (the writers of a Parallel state); each gets an even share. */
  concurrentCalls: number;
}

/**
 * The output tokens a call may still produce within its share of what is left of the budget, after its
 * prompt; zero or less when even the prompt does not fit; undefined when nothing limits it. The dollar
 * limit needs the serving model's prices; without them it does not apply.
 */
export function callAllowance(
  budget: RunBudget,
  spending: Spending,
  prices: TokenPrices | undefined,
  call: PlannedCall,
): number | undefined {
  const share = Math.max(1, call.concurrentCalls);
  const limits: number[] = [];
  if (budget.tokens !== undefined) {
    limits.push(Math.floor((budget.tokens - spending.tokens) / share) - call.promptTokens);
  }
  if (budget.usd !== undefined && prices && prices.output > 0) {
    const left = (budget.usd - spending.usd) / share - (call.promptTokens * prices.input) / 1_000_000;
    limits.push(Math.floor((left * 1_000_000) / prices.output));
  }
  return limits.length === 0 ? undefined : Math.min(...limits);
}

/** The error for a call whose prompt alone does not fit in what its share of the budget still allows. */
export function noRoomForCall(
  budget: RunBudget,
  spending: Spending,
  role: AgentRole,
  call: PlannedCall,
): BudgetExceededError {
  const shared =
    call.concurrentCalls > 1 ? `, shared by the ${call.concurrentCalls} agents writing at once` : '';
  return new BudgetExceededError(
    `The run's budget cannot pay for the ${role} agent's call: ${spentText(budget, spending)} are spent, and its prompt alone (about ${formatTokens(call.promptTokens)} tokens) does not fit in what is left${shared}. ${raiseText(budget)}`,
  );
}

/** The error for an answer that did not fit in the output the budget still allowed. */
export function truncatedByBudget(
  budget: RunBudget,
  spending: Spending,
  role: AgentRole,
  allowance: number,
  cause: unknown,
): BudgetExceededError {
  return new BudgetExceededError(
    `The run's budget is nearly spent (${spentText(budget, spending)} used): it left room for only ${formatTokens(allowance)} output tokens for the ${role} agent's answer, which did not fit. ${raiseText(budget)}`,
    { cause },
  );
}
