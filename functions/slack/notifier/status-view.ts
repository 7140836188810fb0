import type { RepairRequest, RunState } from '../../pipeline/run-state.js';
import { BRANCH_STAGES } from '../../pipeline/stage-ids.js';
import type { ProgressEvent } from '../../shared/notifier.js';
import { formatDuration, slackDate } from '../blocks/slack-text.js';
import type { StatusMark, StatusRow, StatusView } from '../blocks/status-message.js';
import { isWriterStage, slackStageLabel } from './stage-labels.js';
import type { WriterProgress } from './writer-progress.js';

export interface StatusInput {
  state: RunState;
  /** The writers' recorded outcomes; read from the store only while the writers run. */
  writers: ReadonlyMap<string, WriterProgress>;
  event: ProgressEvent;
  now: Date;
}

/** A row and the group it starts with: rows of one group (the parallel writers) run at the same time. */
interface GroupedRow extends StatusRow {
  group: string;
  /** The stage ids a failure of which this row shows. */
  stages: readonly string[];
}

const REPAIR_REASONS: Record<RepairRequest['reason'], string> = {
  validation: 'compile errors',
  runtime_error: 'a runtime error in the backtest',
  no_trades: 'a backtest with no trades',
};

/** Where a stage last finished in the run's timings; -1 when it never did. */
function lastFinished(state: RunState, stage: string): number {
  return state.timings.findLastIndex((timing) => timing.stage === stage);
}

function stageDone(input: StatusInput, stage: string): boolean {
  const { event, state } = input;
  if (event.type === 'stage' && event.stage === stage && event.status === 'succeeded') return true;
  return lastFinished(state, stage) >= 0 || input.writers.get(stage)?.status === 'succeeded';
}

function agentRows(input: StatusInput): GroupedRow[] {
  const { state } = input;
  const plan: GroupedRow = {
    label: slackStageLabel('plan'),
    mark: stageDone(input, 'plan') ? 'done' : 'pending',
    ...(state.plan ? { detail: state.plan.title } : {}),
    group: 'plan',
    stages: ['plan'],
  };
  const writers = [...BRANCH_STAGES].map((stage): GroupedRow => {
    const base = { label: slackStageLabel(stage), group: 'writers', stages: [stage] };
    if (stage === 'portfolio' && state.plan?.customPortfolio === false) {
      return { ...base, mark: 'skipped', detail: 'not needed: built-in portfolio construction' };
    }
    const record = input.writers.get(stage);
    const file = state.files.find((candidate) => candidate.owner === stage);
    const detail =
      record?.detail ?? (file ? `${file.name}${file.className ? `: ${file.className}` : ''}` : undefined);
    const mark: StatusMark = stageDone(input, stage)
      ? 'done'
      : record?.status === 'failed'
        ? 'failed'
        : 'pending';
    return { ...base, mark, ...(detail ? { detail } : {}) };
  });
  const integrate: GroupedRow = {
    label: slackStageLabel('integrate'),
    mark: stageDone(input, 'integrate') ? 'done' : 'pending',
    group: 'integrate',
    stages: ['integrate'],
  };
  return [plan, ...writers, integrate];
}

function compileRow(input: StatusInput): GroupedRow {
  const { state } = input;
  const total = state.limits.maxRefineAttempts + 1;
  const completed = state.attempts.validate;
  const base = { group: 'compile', stages: ['validate'] };
  const last = state.validation;
  // A refine (or a reuse) after the last compile means another compile is due.
  const due =
    !last ||
    last.attempt !== completed ||
    Math.max(lastFinished(state, 'refine'), lastFinished(state, 'reuse')) > lastFinished(state, 'validate');
  if (due) return { ...base, label: `Compile attempt ${completed + 1} of ${total}`, mark: 'pending' };
  const label = `Compile attempt ${last.attempt} of ${total}`;
  if (last.ok) {
    const detail = last.phase === 'initialize' ? 'compiles and initializes' : 'compiles';
    return { ...base, label, mark: 'done', detail };
  }
  const first = last.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  const where = first ? `: ${first.file}:${first.line} ${first.message}` : '';
  return { ...base, label, mark: 'failed', detail: `${last.errorCount} errors${where}` };
}

function refineRow(input: StatusInput): GroupedRow | undefined {
  const { state } = input;
  const maximum = state.limits.maxRefineAttempts;
  const used = state.attempts.refine;
  const base = { group: 'refine', stages: ['refine'] };
  if (state.repair && used < maximum) {
    const files = state.repair.files.join(', ');
    return {
      ...base,
      label: `Refine attempt ${used + 1} of ${maximum}`,
      mark: 'pending',
      detail: `fixing ${files} after ${REPAIR_REASONS[state.repair.reason]}`,
    };
  }
  if (used === 0) return undefined;
  return { ...base, label: 'Refine', mark: 'done', detail: `${used} of ${maximum} attempts used` };
}

function backtestRow(input: StatusInput): GroupedRow {
  const { state } = input;
  const base = { group: 'backtest', stages: ['start-backtest', 'poll-backtest', 'check-result'] };
  const backtest = state.backtest;
  const rerunDue = lastFinished(state, 'refine') > lastFinished(state, 'start-backtest');
  if (!backtest || rerunDue) return { ...base, label: 'Backtest', mark: 'pending' };
  const percent = Math.round(backtest.progress * 100);
  const emulated = state.quantConnect?.emulated ? ' (emulated)' : '';
  const result =
    lastFinished(state, 'check-result') > lastFinished(state, 'start-backtest') ? state.result : undefined;
  if (result?.verdict === 'ok') {
    return {
      ...base,
      label: `Backtest 100%${emulated}`,
      mark: 'done',
      detail: `${result.totalOrders} orders`,
    };
  }
  if (result) {
    const what = result.verdict === 'no_trades' ? 'no trades' : 'runtime error';
    return { ...base, label: `Backtest${emulated}`, mark: 'failed', detail: `${what}: ${result.message}` };
  }
  return { ...base, label: `Backtest ${percent}%${emulated}`, mark: 'pending', detail: backtest.status };
}

function simpleRow(input: StatusInput, stage: string, detail?: string): GroupedRow {
  return {
    label: slackStageLabel(stage),
    mark: stageDone(input, stage) ? 'done' : 'pending',
    ...(detail ? { detail } : {}),
    group: stage,
    stages: [stage],
  };
}

function rowsOf(input: StatusInput): GroupedRow[] {
  const { state } = input;
  const kind = state.request.followUp?.kind;
  if (kind === 'deploy') {
    const deployment = state.deployment;
    return [simpleRow(input, 'deploy', deployment && `${deployment.status} on ${deployment.brokerage}`)];
  }
  const refine = refineRow(input);
  return [
    ...(kind === 'backtest' ? [simpleRow(input, 'reuse')] : agentRows(input)),
    compileRow(input),
    ...(refine ? [refine] : []),
    backtestRow(input),
    simpleRow(input, 'package', state.package?.fileName),
  ];
}

/** Marks the failed stage's row, adding a row when no row stands for that stage. */
function markFailure(rows: GroupedRow[], stage: string, message: string): GroupedRow[] {
  const index = rows.findIndex((row) => row.stages.includes(stage));
  if (index < 0)
    return [
      ...rows,
      { label: slackStageLabel(stage), mark: 'failed', detail: message, group: stage, stages: [stage] },
    ];
  return rows.map((row, position) =>
    position === index ? { ...row, mark: 'failed', detail: message } : row,
  );
}

/** While the run goes on, the first group still pending is the one running now. */
function markRunning(rows: GroupedRow[]): GroupedRow[] {
  const running = rows.find((row) => row.mark === 'pending')?.group;
  return rows.map((row) =>
    row.mark === 'pending' && row.group === running ? { ...row, mark: 'running' } : row,
  );
}

function elapsed(state: RunState, now: Date): string {
  const started = Date.parse(state.request.requestedAt);
  return Number.isNaN(started) ? '' : formatDuration(now.getTime() - started);
}

const FOLLOW_UP_TITLES = {
  refine: 'Refining the strategy',
  backtest: 'Backtesting other dates',
  deploy: 'Deploying to paper trading',
} as const;

/**
 * What the status message shows for a state and the event that just happened: one row per agent and stage,
 * the compile attempt, the refine reason and the backtest percent, with the running stage marked.
 */
export function buildStatusView(input: StatusInput): StatusView {
  const { state, event, now } = input;
  let rows = rowsOf(input);
  const took = elapsed(state, now);
  const kind = state.request.followUp?.kind;
  let headline = `:gear: ${kind ? FOLLOW_UP_TITLES[kind] : 'Working on it'}${took ? ` · ${took} so far` : ''}`;
  if (event.type === 'stage' && event.status === 'failed') {
    rows = markFailure(rows, event.stage, event.detail ?? 'failed');
  }
  if (event.type === 'stage' && event.status === 'skipped' && isWriterStage(event.stage)) {
    rows = rows.map((row) => (row.stages.includes(event.stage) ? { ...row, mark: 'skipped' } : row));
  }
  if (event.type === 'finished' && event.status === 'failed') {
    const failure = event.failure ?? { stage: 'unknown', reason: 'unknown', message: event.summary };
    rows = markFailure(rows, failure.stage, failure.message).map((row) =>
      row.mark === 'pending' ? { ...row, mark: 'skipped' } : row,
    );
    headline = `:x: Failed at ${slackStageLabel(failure.stage)}${took ? ` after ${took}` : ''}`;
  } else if (event.type === 'finished') {
    headline = `:white_check_mark: Done${took ? ` in ${took}` : ''}`;
  } else {
    rows = markRunning(rows);
  }
  const followsUp = state.request.followUp?.runId
    ? ` · follows up run \`${state.request.followUp.runId}\``
    : '';
  return {
    headline,
    rows: rows.map(({ group: _group, stages: _stages, ...row }) => row),
    footer: `Run \`${state.runId}\`${followsUp} · updated ${slackDate(now)}`,
  };
}
