import type { AnyStage } from '../stage.js';
import type { StageId } from '../stage-ids.js';
import { checkResultStage, pollBacktestStage, startBacktestStage } from './backtest.js';
import { alphaStage, portfolioStage, riskStage, strategyStage, universeStage } from './components.js';
import { packageStage, reportFailureStage, reportStage } from './finish.js';
import { deployStage, reuseStage } from './follow-up.js';
import { integrateStage } from './integrate.js';
import { planStage } from './plan.js';
import { refineStage } from './refine.js';
import { validateStage } from './validate.js';

/** Every stage by id: what each Lambda runs and what the local runner calls in-process. */
export const STAGES: Record<StageId, AnyStage> = {
  plan: planStage,
  universe: universeStage,
  alpha: alphaStage,
  portfolio: portfolioStage,
  risk: riskStage,
  strategy: strategyStage,
  integrate: integrateStage,
  validate: validateStage,
  refine: refineStage,
  'start-backtest': startBacktestStage,
  'poll-backtest': pollBacktestStage,
  'check-result': checkResultStage,
  package: packageStage,
  report: reportStage,
  'report-failure': reportFailureStage,
  reuse: reuseStage,
  deploy: deployStage,
};
