import { afterEach, describe, expect, it } from 'vitest';
import type { RunState } from '../../../functions/pipeline/run-state.js';
import type { NotifierPatch, ProgressEvent } from '../../../functions/shared/notifier.js';
import { ACTION_IDS } from '../../../functions/slack/interactions.js';
import type { RecordedSlackCall } from '../fake-slack-api.js';
import {
  finished,
  type NotifierFixture,
  PRESIGNED_ZIP,
  RUN_ID,
  STATISTICS,
  slackRunState,
  started,
  startNotifierFixture,
  storeRunArtifacts,
  succeeded,
} from './run-fixture.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WRITERS = ['universe', 'alpha', 'portfolio', 'risk', 'strategy'] as const;

let fixture: NotifierFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function start(options: Parameters<typeof startNotifierFixture>[0] = {}): Promise<NotifierFixture> {
  fixture = await startNotifierFixture(options);
  return fixture;
}

/** The mrkdwn of a recorded message's blocks, one block per line. */
function blockText(call: RecordedSlackCall | undefined): string {
  const blocks = call?.args.blocks;
  if (!Array.isArray(blocks)) return '';
  return blocks.map((block: unknown) => JSON.stringify(block)).join('\n');
}

/** The status lines of a recorded status message (its second section). */
function statusLines(call: RecordedSlackCall | undefined): string[] {
  const blocks = call?.args.blocks;
  if (!Array.isArray(blocks)) return [];
  const rows: unknown = blocks[1];
  if (typeof rows !== 'object' || rows === null || !('text' in rows)) return [];
  const text: unknown = rows.text;
  if (typeof text !== 'object' || text === null || !('text' in text) || typeof text.text !== 'string')
    return [];
  return text.text.split('\n');
}

function lineOf(lines: string[], label: string): string {
  return lines.find((line) => line.includes(label)) ?? `(no line for ${label})`;
}

async function openRun(run: NotifierFixture, state: RunState = slackRunState()): Promise<RunState> {
  const patch = await run.notifier.notify(state, started(state.request.followUp ? 'reuse' : 'plan'));
  if (!patch?.thread) throw new Error('the first event opened no thread');
  return { ...state, thread: patch.thread };
}

describe('the Slack notifier over the real WebClient', () => {
  it('reports a whole run: one root, one status message kept up to date, the summary, the equity chart', async () => {
    // Prepare
    const run = await start({ deployers: new Set(['U1']) });
    const artifacts = await storeRunArtifacts(run.store);
    const patches: Array<NotifierPatch | undefined> = [];
    const notify = async (state: RunState, event: ProgressEvent) => {
      patches.push((await run.notifier.notify(state, event)) ?? undefined);
    };

    // Act: Plan opens the thread.
    const first = slackRunState();
    const opened = await run.notifier.notify(first, started('plan'));
    let state: RunState = { ...first, ...(opened?.thread ? { thread: opened.thread } : {}) };
    state = finished(state, 'plan', {
      plan: {
        ref: artifacts.plan,
        projectName: 'sector_momentum',
        title: 'Sector momentum rotation',
        customPortfolio: true,
      },
    });
    await notify(state, succeeded('plan'));

    // Act: the five writers, each in its own "Lambda" with the same input state, finishing out of order at once.
    const writerInput = state;
    await Promise.all(WRITERS.map((writer) => notify(writerInput, started(writer))));
    await Promise.all(
      ['strategy', 'risk', 'alpha', 'portfolio', 'universe'].map((writer) =>
        notify(
          writerInput,
          succeeded(writer, `${writer}.py: ${writer[0]?.toUpperCase()}${writer.slice(1)}Model`),
        ),
      ),
    );
    const afterWriters = run.slack.callsTo('chat.update').at(-1);

    // Act: the sequential stages to the end.
    state = WRITERS.reduce(
      (folded, writer) =>
        finished(folded, writer, {
          files: [
            ...folded.files,
            { name: `${writer}.py`, owner: writer, className: 'Model', ref: artifacts.file },
          ],
        }),
      state,
    );
    await notify(state, started('integrate'));
    state = finished(state, 'integrate');
    await notify(state, succeeded('integrate'));
    await notify(state, started('validate'));
    const validation = {
      attempt: 1,
      ok: true,
      phase: 'compile' as const,
      errorCount: 0,
      warningCount: 0,
      report: artifacts.file,
    };
    state = finished(state, 'validate', {
      attempts: { refine: 0, validate: 1 },
      validation: { ...validation, diagnostics: [] },
      validationHistory: [validation],
      quantConnect: {
        projectId: 123,
        compileId: 'c-1',
        emulated: true,
        projectUrl: 'https://www.quantconnect.com/project/123',
      },
    });
    await notify(state, succeeded('validate'));
    await notify(state, started('start-backtest'));
    const backtest = {
      backtestId: 'bt-1',
      name: 'attempt 1',
      status: 'In Queue...',
      progress: 0,
      done: false,
      polls: 0,
      waitSeconds: 5,
    };
    state = finished(state, 'start-backtest', { backtest });
    await notify(state, succeeded('start-backtest'));
    for (const [polls, progress] of [
      [1, 0.35],
      [2, 0.8],
      [3, 1],
    ] as const) {
      await notify(state, started('poll-backtest'));
      state = finished(state, 'poll-backtest', {
        backtest: {
          ...backtest,
          polls,
          progress,
          done: progress === 1,
          status: progress === 1 ? 'Completed.' : 'Running...',
        },
      });
      await notify(state, succeeded('poll-backtest'));
    }
    const atEightyPercent = run.slack
      .callsTo('chat.update')
      .find((call) => blockText(call).includes('Backtest 80%'));
    await notify(state, started('check-result'));
    state = finished(state, 'check-result', {
      result: {
        verdict: 'ok',
        statistics: STATISTICS,
        totalOrders: 42,
        equity: artifacts.equity,
        message: 'ok',
      },
    });
    await notify(state, succeeded('check-result'));
    await notify(state, started('package'));
    state = finished(state, 'package', {
      package: { zip: artifacts.file, fileName: 'sector_momentum.zip', link: PRESIGNED_ZIP },
      usage: [
        {
          role: 'coordinator',
          provider: 'anthropic',
          model: 'claude-sonnet-4-5',
          calls: 2,
          inputTokens: 20_000,
          outputTokens: 4000,
          cachedInputTokens: 0,
        },
      ],
    });
    await notify(state, succeeded('package'));
    run.clock.now = new Date('2026-11-24T03:21:17.000Z');
    await notify(state, started('report'));
    await notify(state, { type: 'finished', status: 'succeeded', summary: '5 files written' });
    await notify(state, succeeded('report'));

    // Assess: the thread, opened once.
    expect(opened?.thread).toEqual({ channel: 'C1', ts: expect.any(String), statusTs: expect.any(String) });
    expect(patches.every((patch) => patch === undefined)).toBe(true);
    const posts = run.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(3);
    const [root, status, summary] = posts;
    expect(root?.args.thread_ts).toBeUndefined();
    expect(root?.args.channel).toBe('C1');
    expect(root?.args.text).toContain('<@U1>');
    expect(status?.args.thread_ts).toBe(opened?.thread?.ts);
    expect(summary?.args.thread_ts).toBe(opened?.thread?.ts);

    // Assess: one status message, updated in place, a bounded number of times.
    const updates = run.slack.callsTo('chat.update');
    expect(updates.every((update) => update.args.ts === opened?.thread?.statusTs)).toBe(true);
    expect(updates.length).toBeLessThanOrEqual(20);
    for (const writer of [
      'Universe agent',
      'Alpha agent',
      'Portfolio agent',
      'Risk agent',
      'Strategy agent',
    ]) {
      expect(lineOf(statusLines(afterWriters), writer)).toMatch(/^:white_check_mark: /);
    }
    expect(lineOf(statusLines(afterWriters), 'Integrate')).toMatch(/^:hourglass_flowing_sand: /);
    expect(atEightyPercent).toBeDefined();
    const last = statusLines(updates.at(-1));
    for (const label of [
      'Plan',
      'Universe agent',
      'Alpha agent',
      'Portfolio agent',
      'Risk agent',
      'Strategy agent',
      'Integrate',
      'Compile attempt 1 of 3',
      'Backtest 100% (emulated)',
      'Package',
    ]) {
      expect(lineOf(last, label)).toMatch(/^:white_check_mark: /);
    }
    expect(blockText(updates.at(-1))).toContain('Done in 6m 17s');

    // Assess: the summary with statistics, links and the three buttons (U1 may deploy).
    const summaryText = blockText(summary);
    expect(summaryText).toContain('*Net Profit*\\n24.10%');
    expect(summaryText).toContain(
      'https://www.quantconnect.com/project/123/bt-1|Open the backtest on QuantConnect',
    );
    expect(summaryText).toContain('Download sector_momentum.zip');
    expect(summaryText).toContain(`link expires <!date^${Date.UTC(2026, 11, 1, 3, 21) / 1000}^`);
    expect(summaryText).toContain('UTC> at the latest)');
    expect(summaryText).toContain('Emulated results');
    for (const actionId of Object.values(ACTION_IDS)) expect(summaryText).toContain(actionId);

    // Assess: the equity PNG, uploaded into the thread.
    expect(run.slack.uploads).toHaveLength(1);
    expect(run.slack.uploads[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(run.slack.uploads[0]?.filename).toBe('sector_momentum-equity.png');
    expect(run.slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C1',
      thread_ts: opened?.thread?.ts,
    });
    expect(run.logger.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
  });

  it('converges when an older writer update lands after a newer one', async () => {
    // Prepare: the first writer to list the records is held up until the others have updated the status.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let listedFirst = () => {};
    const firstListed = new Promise<void>((resolve) => {
      listedFirst = resolve;
    });
    let held = false;
    const run = await start({
      wrapStore: (store) => ({
        ...store,
        list: async (prefix) => {
          const keys = await store.list(prefix);
          if (!held && prefix.endsWith('/slack/progress')) {
            held = true;
            listedFirst();
            await gate;
          }
          return keys;
        },
      }),
    });
    const artifacts = await storeRunArtifacts(run.store);
    const opened = await openRun(run);
    const state = finished(opened, 'plan', {
      plan: { ref: artifacts.plan, projectName: 'p', title: 'T', customPortfolio: true },
    });

    // Act
    const slow = run.notifier.notify(state, succeeded('alpha'));
    await firstListed;
    await Promise.all(
      ['universe', 'portfolio', 'risk', 'strategy'].map((writer) =>
        run.notifier.notify(state, succeeded(writer)),
      ),
    );
    release();
    await slow;

    // Assess
    const last = statusLines(run.slack.callsTo('chat.update').at(-1));
    for (const writer of [
      'Universe agent',
      'Alpha agent',
      'Portfolio agent',
      'Risk agent',
      'Strategy agent',
    ]) {
      expect(lineOf(last, writer)).toMatch(/^:white_check_mark: /);
    }
  });

  it('reports a failed run: what failed, the last errors, the files and the cost, and no chart', async () => {
    // Prepare
    const run = await start();
    const artifacts = await storeRunArtifacts(run.store);
    const opened = await openRun(run);
    const diagnostics = Array.from({ length: 7 }, (_, index) => ({
      file: 'alpha.py',
      line: 20 + index,
      column: 4,
      severity: 'error' as const,
      rule: 'undefined-name',
      message: `name 'signal_${index}' is not defined`,
      source: 'compile' as const,
    }));
    const state: RunState = {
      ...opened,
      attempts: { refine: 2, validate: 3 },
      validation: {
        attempt: 3,
        ok: false,
        phase: 'compile',
        errorCount: 9,
        warningCount: 0,
        diagnostics,
        report: artifacts.file,
      },
      package: { zip: artifacts.file, fileName: 'sector_momentum.zip', link: PRESIGNED_ZIP },
    };
    const failure = {
      stage: 'validate',
      reason: 'validation_failed',
      message: 'The project still has errors after the last refine attempt.',
    };

    // Act
    const before = run.slack.calls.length;
    await run.notifier.notify(state, started('report-failure'));
    const callsForStart = run.slack.calls.length - before;
    await run.notifier.notify(state, {
      type: 'finished',
      status: 'failed',
      summary: 'validate failed',
      failure,
    });

    // Assess
    expect(callsForStart).toBe(0);
    const lastStatus = run.slack.callsTo('chat.update').at(-1);
    expect(blockText(lastStatus)).toContain('Failed at Compile');
    expect(lineOf(statusLines(lastStatus), 'Compile')).toMatch(/^:x: .*The project still has errors/);
    const failureText = blockText(run.slack.callsTo('chat.postMessage').at(-1));
    expect(failureText).toContain('*Compile failed*');
    expect(failureText).toContain("`alpha.py:20` name 'signal_0' is not defined");
    expect(failureText).toContain('and 4 more in the report');
    expect(failureText).toContain('Download sector_momentum.zip');
    expect(failureText).toContain('model calls cost $0.00');
    expect(run.slack.callsTo('chat.postMessage').at(-1)?.args.thread_ts).toBe(opened.thread?.ts);
    expect(run.slack.uploads).toHaveLength(0);
  });

  it('posts a follow-up into the thread it came from, with no new root message', async () => {
    // Prepare
    const run = await start();
    const state = slackRunState({
      request: {
        idea: 'Backtest 2018 to 2020',
        source: 'slack',
        requestedAt: '2026-11-24T03:15:00.000Z',
        slack: { channel: 'C1', userId: 'U1', threadTs: '1690000000.000100' },
        followUp: { kind: 'backtest', runId: 'earlier-run' },
      },
    });

    // Act
    const patch = await run.notifier.notify(state, started('reuse'));

    // Assess
    const posts = run.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe('1690000000.000100');
    expect(blockText(posts[0])).toContain('Backtesting other dates');
    expect(blockText(posts[0])).toContain('follows up run `earlier-run`');
    expect(patch).toEqual({
      thread: { channel: 'C1', ts: '1690000000.000100', statusTs: expect.any(String) },
    });
  });

  it('posts the deployment of a deploy follow-up instead of a backtest summary', async () => {
    // Prepare
    const run = await start();
    const opened = await openRun(
      run,
      slackRunState({
        request: {
          idea: 'Deploy to paper',
          source: 'slack',
          requestedAt: '2026-11-24T03:15:00.000Z',
          slack: { channel: 'C1', userId: 'U1', threadTs: '1690000000.000100' },
          followUp: { kind: 'deploy', runId: 'earlier-run' },
        },
      }),
    );
    const state = finished(opened, 'deploy', {
      deployment: {
        deployId: 'L-0123456789abcdef0123456789abcdef',
        status: 'Running',
        url: 'https://www.quantconnect.com/project/123/live',
        brokerage: 'paper',
        nodeId: 'LN-1',
        emulated: false,
      },
    });

    // Act
    await run.notifier.notify(state, { type: 'finished', status: 'succeeded', summary: 'deployed' });

    // Assess
    const text = blockText(run.slack.callsTo('chat.postMessage').at(-1));
    expect(text).toContain('Deployed');
    expect(text).toContain('L-0123456789abcdef0123456789abcdef');
    expect(text).toContain('Paper trading');
    expect(text).toContain('https://www.quantconnect.com/project/123/live|Follow it live on QuantConnect');
    expect(lineOf(statusLines(run.slack.callsTo('chat.update').at(-1)), 'Deploy to paper')).toMatch(
      /^:white_check_mark: .*Running on paper/,
    );
    expect(run.slack.uploads).toHaveLength(0);
  });

  it('posts a missing status message again on the next sequential stage, never from the parallel writers', async () => {
    // Prepare: a thread whose status message could not be posted.
    const run = await start();
    const state: RunState = { ...slackRunState(), thread: { channel: 'C1', ts: '1700000000.000001' } };

    // Act
    const fromWriters = await Promise.all(
      WRITERS.map((writer) => run.notifier.notify(state, started(writer))),
    );
    const fromIntegrate = await run.notifier.notify(state, started('integrate'));

    // Assess
    expect(fromWriters.every((patch) => patch === undefined)).toBe(true);
    expect(run.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fromIntegrate).toEqual({
      thread: { channel: 'C1', ts: '1700000000.000001', statusTs: expect.any(String) },
    });
  });

  it('never opens a thread from the parallel writers, which would each post a root: the next stage does', async () => {
    // Prepare: a run whose Plan could not open its thread (the notifier failed there).
    const run = await start();
    const state = slackRunState();

    // Act
    const fromWriters = await Promise.all(
      WRITERS.flatMap((writer) => [
        run.notifier.notify(state, started(writer)),
        run.notifier.notify(state, succeeded(writer)),
      ]),
    );
    const fromIntegrate = await run.notifier.notify(state, started('integrate'));

    // Assess
    expect(fromWriters.every((patch) => patch === undefined)).toBe(true);
    expect(fromIntegrate?.thread?.statusTs).toEqual(expect.any(String));
    const roots = run.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === undefined);
    expect(roots).toHaveLength(1);
  });

  it('leaves the store alone for a writer without a thread: its progress has no status message to show in', async () => {
    // Prepare: a run whose Plan could not open its thread, and a store that counts what the notifier does.
    const touched: string[] = [];
    const run = await start({
      wrapStore: (store) => ({
        ...store,
        put: async (key, body, options) => {
          touched.push(`put ${key}`);
          return store.put(key, body, options);
        },
        list: async (prefix) => {
          touched.push(`list ${prefix}`);
          return store.list(prefix);
        },
        read: async (key) => {
          touched.push(`read ${key}`);
          return store.read(key);
        },
      }),
    });
    const state = slackRunState();

    // Act
    const patches = await Promise.all(WRITERS.map((writer) => run.notifier.notify(state, succeeded(writer))));

    // Assess
    expect(patches.every((patch) => patch === undefined)).toBe(true);
    expect(touched).toEqual([]);
    expect(run.slack.calls).toHaveLength(0);
  });

  it('does nothing for a run that did not come from Slack', async () => {
    // Prepare
    const run = await start();
    const state = slackRunState({
      request: { idea: 'x', source: 'cli', requestedAt: '2026-11-24T03:15:00.000Z' },
    });

    // Act
    const patch = await run.notifier.notify(state, started('plan'));

    // Assess
    expect(patch).toBeUndefined();
    expect(run.slack.calls).toEqual([]);
  });

  it('updates the status on a thinning schedule while a long backtest polls', async () => {
    // Prepare
    const run = await start();
    const opened = await openRun(run);
    const poll = (polls: number) =>
      finished(opened, 'poll-backtest', {
        backtest: {
          backtestId: 'b',
          name: 'n',
          status: 'Running...',
          progress: polls / 100,
          done: false,
          polls,
          waitSeconds: 60,
        },
      });

    // Act
    const counts: number[] = [];
    for (const polls of [9, 10, 11, 12, 13, 14, 15]) {
      const before = run.slack.callsTo('chat.update').length;
      await run.notifier.notify(poll(polls), succeeded('poll-backtest'));
      counts.push(run.slack.callsTo('chat.update').length - before);
    }

    // Assess
    expect(counts).toEqual([1, 1, 0, 0, 0, 0, 1]);
  });
});

describe('the Slack notifier when Slack says no', () => {
  it('joins a public channel it is not in, then posts there', async () => {
    // Prepare
    const run = await start();
    let joined = false;
    let counter = 0;
    run.slack.answer('conversations.join', () => {
      joined = true;
      return { channel: { id: 'C1' } };
    });
    run.slack.answer('chat.postMessage', (call) =>
      joined
        ? { channel: call.args.channel, ts: `1700000100.00000${++counter}` }
        : { ok: false, error: 'not_in_channel' },
    );

    // Act
    const patch = await run.notifier.notify(slackRunState(), started('plan'));

    // Assess
    expect(run.slack.callsTo('conversations.join')).toHaveLength(1);
    expect(patch?.thread).toEqual({ channel: 'C1', ts: '1700000100.000001', statusTs: '1700000100.000002' });
  });

  it('falls back to a direct message to whoever asked when it cannot join the channel', async () => {
    // Prepare
    const run = await start();
    let counter = 0;
    run.slack.answer('conversations.join', () => ({
      ok: false,
      error: 'method_not_supported_for_channel_type',
    }));
    run.slack.answer('chat.postMessage', (call) =>
      call.args.channel === 'C1'
        ? { ok: false, error: 'not_in_channel' }
        : { channel: 'D1', ts: `1700000200.00000${++counter}` },
    );

    // Act
    const patch = await run.notifier.notify(slackRunState(), started('plan'));

    // Assess
    expect(patch?.thread).toEqual({ channel: 'D1', ts: '1700000200.000001', statusTs: '1700000200.000002' });
    const direct = run.slack.callsTo('chat.postMessage').find((call) => call.args.channel === 'U1');
    expect(blockText(direct)).toContain('I could not post in <#C1> (`not_in_channel`)');
    expect(run.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ error: 'not_in_channel' }),
      }),
    );
  });

  it('gives up quietly when nothing can be posted, and later stages do not try again', async () => {
    // Prepare
    const run = await start();
    run.slack.answer('chat.postMessage', () => ({ ok: false, error: 'invalid_auth' }));
    const state = slackRunState();

    // Act
    const first = await run.notifier.notify(state, started('plan'));
    const callsAfterFirst = run.slack.calls.length;
    const second = await run.notifier.notify(state, succeeded('plan'));
    const third = await run.notifier.notify(state, { type: 'finished', status: 'failed', summary: 'x' });

    // Assess
    expect(first).toBeUndefined();
    expect(second).toBeUndefined();
    expect(third).toBeUndefined();
    expect(callsAfterFirst).toBe(1);
    expect(run.slack.calls).toHaveLength(1);
    expect(run.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ error: 'invalid_auth' }) }),
    );
  });

  it('waits out a short Retry-After for a message that matters, and tries again', async () => {
    // Prepare
    const run = await start();
    const opened = await openRun(run);
    let limited = false;
    run.slack.answer('chat.update', (call) => {
      if (!limited) {
        limited = true;
        return { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } };
      }
      return { channel: call.args.channel, ts: call.args.ts };
    });

    // Act
    await run.notifier.notify(opened, {
      type: 'finished',
      status: 'failed',
      summary: 'plan failed',
      failure: { stage: 'plan', reason: 'x', message: 'no model' },
    });

    // Assess
    expect(run.sleeps).toEqual([2000]);
    expect(run.slack.callsTo('chat.update')).toHaveLength(2);
    expect(blockText(run.slack.callsTo('chat.update').at(-1))).toContain('Failed at Plan');
  });

  it('skips a rate-limited status update instead of waiting: the next update shows the same and more', async () => {
    // Prepare
    const run = await start();
    const opened = await openRun(run);
    run.slack.answer('chat.update', () => ({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    }));

    // Act
    const patch = await run.notifier.notify(finished(opened, 'plan'), succeeded('plan'));

    // Assess
    expect(patch).toBeUndefined();
    expect(run.sleeps).toEqual([]);
    expect(run.slack.callsTo('chat.update')).toHaveLength(1);
    expect(run.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'Slack rate limit: call skipped' }),
    );
  });

  it('does not wait minutes for a Retry-After, even for the results, and never throws', async () => {
    // Prepare
    const run = await start({ maxRateLimitWaitSeconds: 10 });
    const artifacts = await storeRunArtifacts(run.store);
    const opened = await openRun(run);
    run.slack.answer('chat.postMessage', () => ({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { ok: false, error: 'ratelimited' },
    }));
    const state = finished(opened, 'check-result', {
      result: {
        verdict: 'ok',
        statistics: STATISTICS,
        totalOrders: 42,
        equity: artifacts.equity,
        message: 'ok',
      },
    });

    // Act
    const result = await run.notifier.notify(state, {
      type: 'finished',
      status: 'succeeded',
      summary: 'done',
    });

    // Assess
    expect(result).toBeUndefined();
    expect(run.sleeps).toEqual([]);
    expect(run.slack.uploads).toHaveLength(0);
    expect(run.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ method: 'chat.postMessage', retryAfterSeconds: 120 }),
      }),
    );
  });

  it('carries on when the status message is gone', async () => {
    // Prepare
    const run = await start();
    const opened = await openRun(run);
    run.slack.answer('chat.update', () => ({ ok: false, error: 'message_not_found' }));

    // Act
    const patch = await run.notifier.notify(finished(opened, 'plan'), succeeded('plan'));

    // Assess
    expect(patch).toBeUndefined();
    expect(run.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: { method: 'chat.update', error: 'message_not_found' },
      }),
    );
  });

  it('posts the results and no chart when it was given no renderer, as in every stage but the report ones', async () => {
    // Prepare
    const run = await start({ withoutChart: true });
    const artifacts = await storeRunArtifacts(run.store);
    const opened = await openRun(run);
    const state = finished(opened, 'check-result', {
      result: {
        verdict: 'ok',
        statistics: STATISTICS,
        totalOrders: 42,
        equity: artifacts.equity,
        message: 'ok',
      },
    });

    // Act
    await run.notifier.notify(state, { type: 'finished', status: 'succeeded', summary: 'done' });

    // Assess
    expect(blockText(run.slack.callsTo('chat.postMessage').at(-1))).toContain('*Net Profit*');
    expect(run.slack.uploads).toHaveLength(0);
    expect(run.logger.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
  });

  it('posts the results without the chart when the chart cannot be drawn', async () => {
    // Prepare
    const run = await start({
      renderChart: async () => {
        throw new Error('no renderer here');
      },
    });
    const artifacts = await storeRunArtifacts(run.store);
    const opened = await openRun(run);
    const state = finished(opened, 'check-result', {
      result: {
        verdict: 'ok',
        statistics: STATISTICS,
        totalOrders: 42,
        equity: artifacts.equity,
        message: 'ok',
      },
    });

    // Act
    await run.notifier.notify(state, { type: 'finished', status: 'succeeded', summary: 'done' });

    // Assess
    expect(blockText(run.slack.callsTo('chat.postMessage').at(-1))).toContain('*Net Profit*');
    expect(run.slack.uploads).toHaveLength(0);
    expect(run.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'equity chart not drawn; the summary goes without it',
      }),
    );
    expect(RUN_ID).toBe(state.runId);
  });
});
