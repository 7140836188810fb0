import pc from 'picocolors';
import type { StageId } from '../pipeline/stage-ids.js';
import type { Notifier, ProgressEvent } from '../shared/notifier.js';

/** What a person reads for each stage in the terminal. */
export const STAGE_LABELS: Record<StageId, string> = {
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
};

function label(stage: string): string {
  return stage in STAGE_LABELS ? STAGE_LABELS[stage as StageId] : stage;
}

/**
 * Live progress as a task list: a line when a stage starts and a tick (or a cross) when it ends,
 * with what it produced and how long it took. Parallel agents interleave, as they run.
 */
export function createTerminalNotifier(
  stream: NodeJS.WritableStream,
  now: () => number = Date.now,
): Notifier {
  const started = new Map<string, number>();
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    async notify(_state, event: ProgressEvent) {
      if (event.type === 'finished') return;
      const name = label(event.stage);
      if (event.status === 'started') {
        started.set(event.stage, now());
        // Polls repeat; one "started" line for the backtest is enough.
        if (event.stage !== 'poll-backtest') write(`${pc.dim('◌')} ${name}${pc.dim(' …')}`);
        return;
      }
      const seconds = ((now() - (started.get(event.stage) ?? now())) / 1000).toFixed(1);
      const detail = event.detail ? ` ${pc.dim('·')} ${event.detail}` : '';
      if (event.status === 'succeeded') write(`${pc.green('✔')} ${name}${detail} ${pc.dim(`(${seconds}s)`)}`);
      else if (event.status === 'skipped') write(`${pc.dim('–')} ${name}${detail}`);
      else write(`${pc.red('✖')} ${name}${detail}`);
    },
  };
}
