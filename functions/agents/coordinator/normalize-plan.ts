import { z } from 'zod';
import { ModelOutputError } from '../../shared/errors.js';
import { Plan } from '../plan.js';
import { normalizeContract } from './normalize-contract.js';
import {
  normalizeBacktest,
  normalizePortfolio,
  normalizeRisk,
  normalizeStrategy,
  normalizeUniverse,
  type PlanNotes,
} from './normalize-specs.js';

/**
 * Makes any parsed plan safe and coherent, deterministically: the files and base classes the design
 * needs, real and ordered dates (else a UserInputError), portfolio.py exactly for risk-per-trade sizing.
 * Applying it twice changes nothing more.
 */
export function normalizePlan(plan: Plan): Plan {
  const notes: PlanNotes = { assumptions: [...plan.assumptions], notUnderstood: [...plan.notUnderstood] };
  const backtest = normalizeBacktest(plan.backtest);
  const universe = normalizeUniverse(plan.universe, notes);
  const strategy = normalizeStrategy(plan.strategy, notes);
  const portfolio = normalizePortfolio(plan.portfolio, notes);
  const risk = normalizeRisk(plan.risk, portfolio, notes);
  const specs = { title: plan.title, strategy, universe, portfolio, risk, backtest };
  const normalized = {
    ...plan,
    ...specs,
    contract: normalizeContract(plan.contract, specs),
    assumptions: [...new Set(notes.assumptions)],
    notUnderstood: [...new Set(notes.notUnderstood)],
  };
  const parsed = Plan.safeParse(normalized);
  if (!parsed.success) {
    throw new ModelOutputError(
      `The plan is not valid after normalisation: ${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
