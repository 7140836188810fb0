import { createLogUpdate } from 'log-update';
import pc from 'picocolors';
import type { Notifier, ProgressEvent } from '../shared/notifier.js';
import { renderTaskList, renderTaskRow, stageLabel, type TaskRow } from './task-list.js';

/** Keeps one row per stage up to date from progress events. */
function applyEvent(
  rows: Map<string, TaskRow>,
  event: Extract<ProgressEvent, { type: 'stage' }>,
  now: number,
) {
  const row = rows.get(event.stage);
  if (event.status === 'started') {
    // A stage that runs again (a refine loop, a poll) updates its row rather than adding one;
    // the row keeps what the last run produced until this run ends.
    rows.set(event.stage, {
      stage: event.stage,
      status: 'running',
      startedAt: now,
      ...(row?.detail ? { detail: row.detail } : {}),
    });
    return;
  }
  rows.set(event.stage, {
    stage: event.stage,
    status: event.status,
    startedAt: row?.startedAt ?? now,
    endedAt: now,
    ...(event.detail ? { detail: event.detail } : {}),
  });
}

/**
 * A live task list for a terminal: one row per stage, redrawn in place, with a spinner on what runs
 * (parallel agents spin together) and a tick on what is done.
 */
export function createLiveTaskList(stream: NodeJS.WritableStream, now: () => number = Date.now): Notifier {
  const rows = new Map<string, TaskRow>();
  const draw = createLogUpdate(stream, { showCursor: false });
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const render = () => draw(renderTaskList(rows.values(), now(), frame++));
  return {
    async notify(_state, event) {
      if (event.type === 'finished') {
        if (timer) clearInterval(timer);
        render();
        draw.done();
        return;
      }
      applyEvent(rows, event, now());
      if (!timer) {
        timer = setInterval(render, 100);
        // The spinner must never keep the process alive on its own.
        timer.unref();
      }
      render();
    },
  };
}

/**
 * Progress as lines, for logs, pipes and CI: a line when a stage starts and a tick (or a cross)
 * when it ends. Backtest polls print no "started" line of their own.
 */
export function createLineProgress(stream: NodeJS.WritableStream, now: () => number = Date.now): Notifier {
  const rows = new Map<string, TaskRow>();
  return {
    async notify(_state, event) {
      if (event.type === 'finished') return;
      applyEvent(rows, event, now());
      const row = rows.get(event.stage);
      if (!row) return;
      if (event.status !== 'started') stream.write(`${renderTaskRow(row, now(), 0)}\n`);
      else if (event.stage !== 'poll-backtest')
        stream.write(`${pc.dim('◌')} ${stageLabel(event.stage)}${pc.dim(' …')}\n`);
    },
  };
}

/** Live rows on an interactive terminal, lines everywhere else. */
export function createTerminalNotifier(
  stream: NodeJS.WritableStream & { isTTY?: boolean; rows?: number; columns?: number },
): Notifier {
  // A terminal that reports no size (some pseudo-terminals) cannot be redrawn in place.
  const sized = (stream.rows ?? 0) > 0 && (stream.columns ?? 0) > 0;
  return stream.isTTY && sized && !process.env.CI ? createLiveTaskList(stream) : createLineProgress(stream);
}
