import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLineProgress, createLiveTaskList } from '../../functions/local/terminal-notifier.js';
import type { ProgressEvent } from '../../functions/shared/notifier.js';
import { freshState } from '../pipeline/run-state-fixtures.js';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => stripVTControlCharacters(chunks.join('')) };
}

/** A clock that a test moves by hand: one second per event. */
function manualClock() {
  let time = 0;
  return { now: () => time, tick: () => (time += 1000) };
}

const EVENTS: ProgressEvent[] = [
  { type: 'stage', stage: 'universe', status: 'started' },
  { type: 'stage', stage: 'alpha', status: 'started' },
  { type: 'stage', stage: 'alpha', status: 'succeeded', detail: 'alpha.py: MomentumAlphaModel' },
  { type: 'stage', stage: 'universe', status: 'failed', detail: 'the model timed out' },
  { type: 'stage', stage: 'poll-backtest', status: 'started' },
  { type: 'stage', stage: 'poll-backtest', status: 'succeeded', detail: 'Running: 40%' },
  { type: 'finished', status: 'failed', summary: 'universe failed' },
];

describe('line progress', () => {
  it('prints a line when a stage starts and a tick or a cross when it ends', async () => {
    // Prepare
    const output = capture();
    const clock = manualClock();
    const notifier = createLineProgress(output.stream, clock.now);

    // Act
    for (const event of EVENTS) {
      clock.tick();
      await notifier.notify(freshState(), event);
    }

    // Assess
    expect(output.text().split('\n').filter(Boolean)).toEqual([
      '◌ Universe agent …',
      '◌ Alpha agent …',
      '✔ Alpha agent · alpha.py: MomentumAlphaModel (1.0s)',
      '✖ Universe agent · the model timed out',
      '✔ Backtest · Running: 40% (1.0s)',
    ]);
  });
});

describe('live task list', () => {
  it('ends with one row per stage, in the order they started, each with its outcome', async () => {
    // Prepare
    const output = capture();
    const clock = manualClock();
    const notifier = createLiveTaskList(output.stream, clock.now);

    // Act
    for (const event of EVENTS) {
      clock.tick();
      await notifier.notify(freshState(), event);
    }

    // Assess: the last frame drawn is the final list
    const frames = output.text();
    const last = frames.slice(frames.lastIndexOf('Universe agent') - 2);
    expect(last.trim().split('\n')).toEqual([
      '✖ Universe agent · the model timed out',
      '✔ Alpha agent · alpha.py: MomentumAlphaModel (1.0s)',
      '✔ Backtest · Running: 40% (1.0s)',
    ]);
  });
});
