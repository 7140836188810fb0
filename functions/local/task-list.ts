import pc from 'picocolors';
import type { StageId } from '../pipeline/stage-ids.js';
import { STAGE_LABELS } from '../pipeline/stage-labels.js';

/** The label of a stage id, or the id itself for anything unknown. */
export function stageLabel(stage: string): string {
  return stage in STAGE_LABELS ? STAGE_LABELS[stage as StageId] : stage;
}

export interface TaskRow {
  stage: string;
  status: 'running' | 'succeeded' | 'failed' | 'skipped';
  detail?: string;
  startedAt: number;
  endedAt?: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** One row: a spinner or a mark, the stage, what it produced and how long it took. */
export function renderTaskRow(row: TaskRow, now: number, frame: number): string {
  const seconds = `${(((row.endedAt ?? now) - row.startedAt) / 1000).toFixed(1)}s`;
  const detail = row.detail ? ` ${pc.dim('·')} ${row.detail}` : '';
  const name = stageLabel(row.stage);
  switch (row.status) {
    case 'running':
      return `${pc.cyan(SPINNER[frame % SPINNER.length] ?? '…')} ${name}${detail} ${pc.dim(seconds)}`;
    case 'succeeded':
      return `${pc.green('✔')} ${name}${detail} ${pc.dim(`(${seconds})`)}`;
    case 'skipped':
      return `${pc.dim('–')} ${name}${detail}`;
    case 'failed':
      return `${pc.red('✖')} ${name}${detail}`;
  }
}

/** The whole list, in the order stages first started. */
export function renderTaskList(rows: Iterable<TaskRow>, now: number, frame: number): string {
  return [...rows].map((row) => renderTaskRow(row, now, frame)).join('\n');
}
