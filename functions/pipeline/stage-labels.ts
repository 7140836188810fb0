import type { StageId } from './stage-ids.js';

/** What a person reads for each stage: the terminal's names, which the Slack status message adapts. */
export const STAGE_LABELS: Readonly<Record<StageId, string>> = {
  plan: 'Plan (coordinator)',
  universe: 'Universe agent',
  alpha: 'Alpha agent',
  portfolio: 'Portfolio agent',
  risk: 'Risk agent',
  strategy: 'Strategy agent',
  integrate: 'Integrate',
  validate: 'Validate',
  refine: 'Refine',
  'start-backtest': 'Start backtest',
  'poll-backtest': 'Backtest',
  'check-result': 'Check result',
  package: 'Package',
  report: 'Report',
  'report-failure': 'Failure report',
  reuse: 'Reuse earlier project',
  deploy: 'Deploy to paper',
};
