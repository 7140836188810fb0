/** The file writers, in the order the status message lists them; they run at once, each in its own Lambda. */
export const WRITER_STAGES = ['universe', 'alpha', 'portfolio', 'risk', 'strategy'] as const;

/** How the status message names each stage. */
const SLACK_STAGE_LABELS: Readonly<Record<string, string>> = {
  plan: 'Plan',
  universe: 'Universe agent',
  alpha: 'Alpha agent',
  portfolio: 'Portfolio agent',
  risk: 'Risk agent',
  strategy: 'Strategy agent',
  integrate: 'Integrate',
  validate: 'Compile',
  refine: 'Refine',
  'start-backtest': 'Backtest',
  'poll-backtest': 'Backtest',
  'check-result': 'Backtest',
  package: 'Package',
  report: 'Report',
  'report-failure': 'Failure report',
  reuse: 'Reuse the earlier project',
  deploy: 'Deploy to paper',
  unknown: 'an unknown stage',
};

/** The label of a stage id, or the id itself for one this notifier does not know. */
export function slackStageLabel(stage: string): string {
  return SLACK_STAGE_LABELS[stage] ?? stage;
}

/** True for the stages that run in parallel and report through the artifact store. */
export function isWriterStage(stage: string): boolean {
  return (WRITER_STAGES as readonly string[]).includes(stage);
}
