import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/slack.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import { loadLocalDefinition } from '../../functions/local/local-environment.js';
import { type LocalDefinition, runStateMachineLocally } from '../../functions/local/local-runner.js';
import type { Deps } from '../../functions/pipeline/deps.js';
import { RunState } from '../../functions/pipeline/run-state.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import { createDiskArtifactStore } from '../../functions/shared/disk-artifact-store.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { renderEquityChart } from '../../functions/slack/chart/equity-chart.js';
import { ACTION_IDS, VIEW_IDS } from '../../functions/slack/interactions.js';
import { notifierFromSettings } from '../../functions/slack/notifier/notifier-from-settings.js';
import { validateProject } from '../../functions/validator/index.js';
import {
  BOT_TOKEN,
  commandBody,
  eventEnvelope,
  interactionBody,
  SIGNING_SECRET,
  signedEvent,
} from './app/signed-request.js';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.js';
import { type FakeStepFunctions, startFakeStepFunctions } from './fake-step-functions.js';

/**
 * One Slack thread from the first command to a paper deployment: signed requests go through the real
 * handler, every execution it starts runs through the real state machine in-process, and each stage reports
 * through the real Slack notifier; both sides talk to the same fake Slack Web API.
 */
const CHANNEL = 'C0RESEARCH';
const ALICE = 'U0ALICE';
const BOT = 'U0QUANTBOT';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const context = {} as Context;

let slack: FakeSlackApi;
let stepFunctions: FakeStepFunctions;
let local: LocalDefinition;
let deps: Deps;

beforeAll(async () => {
  slack = await startFakeSlackApi({ token: BOT_TOKEN, botUserId: BOT });
  stepFunctions = await startFakeStepFunctions();
  delete process.env.QUANTCODER_SECRET_ARN;
  Object.assign(process.env, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder',
    QUANTCODER_SLACK_DEPLOYERS: ALICE,
    AWS_ENDPOINT_URL_SFN: stepFunctions.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test-access-key',
    AWS_SECRET_ACCESS_KEY: 'test-secret-key',
    LOG_LEVEL: 'silent',
  });
  local = loadLocalDefinition();
  const store = createDiskArtifactStore(await mkdtemp(join(tmpdir(), 'quantcoder-slack-e2e-')));
  const quantConnect = createInProcessEmulator({ compileCheck: (files) => validateProject(files) });
  const offline = createOfflineModel();
  const now = () => new Date();
  deps = {
    models: () => offline,
    store,
    quantConnect,
    notifier: notifierFromSettings(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, QUANTCODER_SLACK_DEPLOYERS: ALICE },
      // One set of deps serves every stage here, the report ones included: they draw the chart.
      {
        store,
        logger: silentLogger,
        now,
        backtestUrl: quantConnect.backtestUrl,
        renderChart: renderEquityChart,
      },
    ),
    logger: silentLogger,
    now,
    sleep: async () => {},
  };
});

afterAll(async () => {
  await slack.close();
  await stepFunctions.close();
});

/** Runs the execution the handler started last, as Step Functions would, and returns its last state. */
async function runLastExecution(): Promise<RunState> {
  const execution = stepFunctions.executions.at(-1);
  if (!execution) throw new Error('no execution was started');
  const outcome = await runStateMachineLocally({
    local,
    input: RunState.parse(execution.input),
    deps,
    instantWaits: true,
  });
  if (outcome.status !== 'succeeded') throw new Error(`run failed: ${JSON.stringify(outcome)}`);
  return RunState.parse(outcome.output);
}

type Block = { type: string; elements?: Array<{ action_id?: string; value?: string }> };

function buttonsOf(call: { args: Record<string, unknown> }): Map<string, string> {
  const blocks = (call.args.blocks ?? []) as Block[];
  const buttons = new Map<string, string>();
  for (const block of blocks) {
    for (const element of block.elements ?? []) {
      if (element.action_id && element.value) buttons.set(element.action_id, element.value);
    }
  }
  return buttons;
}

/** Messages posted into the thread that carry the run buttons: one per finished run. */
function summaries(threadTs: string) {
  return slack
    .callsTo('chat.postMessage')
    .filter((call) => call.args.thread_ts === threadTs && buttonsOf(call).size > 0);
}

function rootMessages() {
  return slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === undefined);
}

describe('a QuantCoder thread in Slack, end to end', () => {
  let rootTs = '';

  it('answers /quantcoder at once, then the run opens a thread, ticks every agent and ends with a summary and a chart', async () => {
    // Act
    const ack = await handler(
      signedEvent(
        commandBody({ text: 'momentum on SPY, QQQ and IWM, 20-day lookback', triggerId: '41.42.e2e' }),
      ),
      context,
    );
    const state = await runLastExecution();

    // Assess
    expect(ack.statusCode).toBe(200);
    expect(stepFunctions.executions).toHaveLength(1);
    expect(state.outcome?.status).toBe('succeeded');
    expect(rootMessages()).toHaveLength(1);
    rootTs = String(state.thread?.ts);
    expect(state.thread).toMatchObject({ channel: CHANNEL });
    const statusUpdates = slack
      .callsTo('chat.update')
      .filter((call) => call.args.ts === state.thread?.statusTs);
    const lastStatus = JSON.stringify(statusUpdates.at(-1)?.args);
    for (const agent of ['Universe', 'Alpha', 'Risk', 'Strategy', 'Integrate'])
      expect(lastStatus).toContain(agent);
    expect(summaries(rootTs)).toHaveLength(1);
    expect(slack.uploads).toHaveLength(1);
    expect(slack.uploads[0]?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: CHANNEL,
      thread_ts: rootTs,
    });
  });

  it('refines the run from a reply in its thread, and reports into the same thread', async () => {
    // Prepare
    const reply = eventEnvelope(
      {
        type: 'message',
        channel: CHANNEL,
        channel_type: 'channel',
        user: ALICE,
        text: 'make it long-only',
        ts: '1800000000.000200',
        thread_ts: rootTs,
        parent_user_id: BOT,
        event_ts: '1800000000.000200',
      },
      'Ev0E2EREPLY',
    );

    // Act
    const ack = await handler(
      signedEvent(JSON.stringify(reply), { contentType: 'application/json' }),
      context,
    );
    const state = await runLastExecution();

    // Assess
    expect(ack.statusCode).toBe(200);
    expect(stepFunctions.executions).toHaveLength(2);
    expect(state.request).toMatchObject({ idea: 'make it long-only', followUp: { kind: 'refine' } });
    expect(state.outcome?.status).toBe('succeeded');
    expect(rootMessages()).toHaveLength(1);
    expect(state.thread?.ts).toBe(rootTs);
    expect(summaries(rootTs)).toHaveLength(2);
  });

  it('backtests the latest run on other dates from its summary button and modal', async () => {
    // Prepare
    const value = buttonsOf(summaries(rootTs).at(-1) ?? { args: {} }).get(ACTION_IDS.backtestDates);
    const click = {
      type: 'block_actions',
      trigger_id: '801.1.e2e',
      user: { id: ALICE, team_id: 'T0TEAM' },
      team: { id: 'T0TEAM' },
      channel: { id: CHANNEL },
      container: { type: 'message', message_ts: rootTs, channel_id: CHANNEL },
      actions: [
        { type: 'button', action_id: ACTION_IDS.backtestDates, block_id: 'b', value, action_ts: '1' },
      ],
    };

    // Act
    const clicked = await handler(signedEvent(interactionBody(click)), context);
    const opened = slack.callsTo('views.open').at(-1)?.args.view as { private_metadata: string };
    const submitted = await handler(
      signedEvent(
        interactionBody({
          type: 'view_submission',
          team: { id: 'T0TEAM' },
          user: { id: ALICE, team_id: 'T0TEAM' },
          view: {
            id: 'V0E2EDATES',
            type: 'modal',
            callback_id: VIEW_IDS.backtestDates,
            private_metadata: opened.private_metadata,
            state: {
              values: {
                start_date: { value: { type: 'datepicker', selected_date: '2016-01-04' } },
                end_date: { value: { type: 'datepicker', selected_date: '2018-12-31' } },
                cash: { value: { type: 'number_input', value: '25000' } },
              },
            },
          },
        }),
      ),
      context,
    );
    const state = await runLastExecution();

    // Assess
    expect([clicked.statusCode, submitted.statusCode]).toEqual([200, 200]);
    expect(stepFunctions.executions).toHaveLength(3);
    expect(state.request).toMatchObject({
      followUp: { kind: 'backtest' },
      backtest: { startDate: '2016-01-04', endDate: '2018-12-31', cash: 25_000 },
    });
    expect(state.timings.map((timing) => timing.stage)).toContain('reuse');
    expect(state.outcome?.status).toBe('succeeded');
    expect(summaries(rootTs)).toHaveLength(3);
    expect(slack.uploads).toHaveLength(3);
  });

  it('deploys to paper for an allow-listed user and posts the deployment in the thread', async () => {
    // Prepare
    const value = buttonsOf(summaries(rootTs).at(-1) ?? { args: {} }).get(ACTION_IDS.deployPaper);
    const posted = slack.callsTo('chat.postMessage').length;

    // Act
    const clicked = await handler(
      signedEvent(
        interactionBody({
          type: 'block_actions',
          trigger_id: '802.2.e2e',
          user: { id: ALICE, team_id: 'T0TEAM' },
          team: { id: 'T0TEAM' },
          channel: { id: CHANNEL },
          container: { type: 'message', message_ts: rootTs, channel_id: CHANNEL },
          response_url: slack.responseUrl,
          actions: [
            { type: 'button', action_id: ACTION_IDS.deployPaper, block_id: 'b', value, action_ts: '2' },
          ],
        }),
      ),
      context,
    );
    const state = await runLastExecution();

    // Assess
    expect(value).toBeDefined();
    expect(clicked.statusCode).toBe(200);
    expect(stepFunctions.executions).toHaveLength(4);
    expect(state.deployment).toMatchObject({ emulated: true });
    const deployMessages = slack
      .callsTo('chat.postMessage')
      .slice(posted)
      .filter(
        (call) =>
          call.args.thread_ts === rootTs &&
          JSON.stringify(call.args).includes(String(state.deployment?.deployId)),
      );
    expect(deployMessages).toHaveLength(1);
    expect(rootMessages()).toHaveLength(1);
  });
});
