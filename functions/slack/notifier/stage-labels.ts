import { BRANCH_STAGES, type StageId } from '../../pipeline/stage-ids.js';
import { STAGE_LABELS } from '../../pipeline/stage-labels.js';

/**
 * How the status message names each stage: the terminal's names, shorter where the message groups stages
 * (the three backtest stages read as one) or says what a person waits for (validate compiles).
 */
const SLACK_STAGE_LABELS: Readonly<Record<StageId | 'unknown', string>> = {
  ...STAGE_LABELS,
  plan: 'Plan',
  validate: 'Compile',
  'start-backtest': 'Backtest',
  'check-result': 'Backtest',
  reuse: 'Reuse the earlier project',
  unknown: 'an unknown stage',
};

/** The label of a stage id, or the id itself for one this notifier does not know. */
export function slackStageLabel(stage: string): string {
  return Object.hasOwn(SLACK_STAGE_LABELS, stage) ? SLACK_STAGE_LABELS[stage as StageId | 'unknown'] : stage;
}

/** True for the file writers: they run in parallel, each in its own Lambda, and report through the store. */
export function isWriterStage(stage: string): boolean {
  return BRANCH_STAGES.has(stage as StageId);
}
