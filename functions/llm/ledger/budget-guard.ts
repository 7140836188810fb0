import type { RunBudget, RunState } from '../../pipeline/run-state.js';
import { ModelOutputError } from '../../shared/errors.js';
import type { Model, ModelRequest, ModelResponse, ModelRouter } from '../model.js';
import { estimatePromptTokens } from '../token-estimate.js';
import { assertWithinBudget, callAllowance, noRoomForCall, spendingOf, truncatedByBudget } from './budget.js';
import { type TokenSpend, usageOf } from './cost.js';
import { findPrices } from './prices.js';

function guardModel(
  model: Model,
  budget: RunBudget,
  spent: () => readonly TokenSpend[],
  record: (spend: TokenSpend) => void,
  concurrentCalls: number,
): Model {
  return {
    provider: model.provider,
    modelId: model.modelId,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const spending = spendingOf(spent());
      assertWithinBudget(budget, spending, request.role);
      // The branches of a Parallel state all start from the same usage and cannot see each other's
      // calls, so each gets an even share of what is left: its prompt must fit in it, and its answer is
      // capped at the rest. A call whose prompt alone does not fit is not made.
      const call = { promptTokens: estimatePromptTokens(request), concurrentCalls };
      const remaining = callAllowance(budget, spending, findPrices(model.provider, model.modelId), call);
      if (remaining !== undefined && remaining < 1) throw noRoomForCall(budget, spending, request.role, call);
      const allowance = remaining;
      const capped =
        allowance !== undefined &&
        (request.maxOutputTokens === undefined || allowance < request.maxOutputTokens);
      try {
        const response = await model.generate(capped ? { ...request, maxOutputTokens: allowance } : request);
        record(usageOf(response, request.role));
        return response;
      } catch (error) {
        // An answer cut short by the cap fails its schema: say it was the budget, not the model.
        if (capped && error instanceof ModelOutputError) {
          throw truncatedByBudget(budget, spending, request.role, allowance, error);
        }
        throw error;
      }
    },
  };
}

/**
 * Wraps a router so every model call first checks the run's budget against the usage the state holds
 * plus the calls made since (in this stage), and its prompt against its share of what is left (one of
 * `concurrentCalls` calls made at once), and caps its output to the rest of that share.
 * Without a budget the router is returned as it is.
 */
export function guardBudget(
  models: ModelRouter,
  state: Pick<RunState, 'limits' | 'usage'>,
  options: { concurrentCalls?: number } = {},
): ModelRouter {
  const budget = state.limits.budget;
  if (!budget) return models;
  const sinceStageStart: TokenSpend[] = [];
  const spent = () => [...state.usage, ...sinceStageStart];
  const record = (spend: TokenSpend) => {
    sinceStageStart.push(spend);
  };
  return (role) => guardModel(models(role), budget, spent, record, options.concurrentCalls ?? 1);
}
