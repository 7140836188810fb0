import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/slack.js';
import { RunState } from '../../functions/pipeline/run-state.js';
import { createSlackHandler } from '../../functions/slack/app/slack-handler.js';
import { ACTION_IDS, VIEW_IDS } from '../../functions/slack/interactions.js';
import { click, RUN } from '../slack/app/actions/button-payloads.js';
import {
  BOT_TOKEN,
  commandBody,
  eventEnvelope,
  interactionBody,
  SIGNING_SECRET,
  signedEvent,
} from '../slack/app/signed-request.js';
import { datesValues, submission } from '../slack/app/views/submission-payloads.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.js';

const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder';
const context = {} as Context;
const stepFunctions = mockClient(SFNClient);
let slack: FakeSlackApi;
let started: Set<string>;

/** Step Functions as the mock sees it: a name starts once; later starts of it are ExecutionAlreadyExists. */
function answerLikeStepFunctions(): void {
  started = new Set();
  stepFunctions.on(StartExecutionCommand).callsFake((input: { name: string }) => {
    if (started.has(input.name)) {
      throw new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });
    }
    started.add(input.name);
    return { executionArn: `${STATE_MACHINE_ARN}:${input.name}`, startDate: new Date() };
  });
}

function startCalls() {
  return stepFunctions.commandCalls(StartExecutionCommand).map((call) => call.args[0].input);
}

function bodyOf(response: { body: string }): { response_type?: string; text?: string } {
  return JSON.parse(response.body);
}

beforeAll(async () => {
  slack = await startFakeSlackApi({ token: BOT_TOKEN, botUserId: 'U0QUANTBOT' });
  delete process.env.QUANTCODER_SECRET_ARN;
  Object.assign(process.env, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    STATE_MACHINE_ARN,
    QUANTCODER_SLACK_DEPLOYERS: 'U0DEPLOYER',
    AWS_REGION: 'us-east-1',
    LOG_LEVEL: 'silent',
  });
});
afterAll(() => slack.close());
beforeEach(() => {
  stepFunctions.reset();
  answerLikeStepFunctions();
});

describe('the Slack handler, given a slash command', () => {
  it('is a two-argument Lambda handler', () => {
    // Assess
    expect(handler).toHaveLength(2);
  });

  it('starts exactly one execution named after the trigger id, and acks with where the thread appears', async () => {
    // Prepare
    const event = signedEvent(
      commandBody({ text: 'momentum on SPY, RSI &lt; 30', triggerId: '111.222.aaa' }),
    );

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ response_type: 'ephemeral' });
    expect(bodyOf(response).text).toContain('started run `slack-111-222-aaa`');
    const calls = startCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe('slack-111-222-aaa');
    expect(calls[0]?.stateMachineArn).toBe(STATE_MACHINE_ARN);
    const state = RunState.parse(JSON.parse(calls[0]?.input ?? ''));
    expect(state.runId).toBe('slack-111-222-aaa');
    expect(state.request).toMatchObject({
      idea: 'momentum on SPY, RSI < 30',
      source: 'slack',
      slack: { channel: 'C0RESEARCH', userId: 'U0ALICE', teamId: 'T0TEAM' },
    });
    expect(slack.callsTo('auth.test').length).toBeLessThanOrEqual(1);
  });

  it('says the run is already going when Slack sends the same command again, re-signed', async () => {
    // Prepare
    const body = commandBody({ text: 'momentum', triggerId: '333.444.bbb' });
    await handler(signedEvent(body), context);

    // Act
    const again = await handler(signedEvent(body, { timestamp: Math.floor(Date.now() / 1000) - 2 }), context);

    // Assess
    expect(again.statusCode).toBe(200);
    expect(bodyOf(again).text).toContain('already going');
    expect([...started]).toEqual(['slack-333-444-bbb']);
  });

  it('refuses a replayed request (same signature and timestamp) with 401, starting nothing', async () => {
    // Prepare
    const event = signedEvent(commandBody({ text: 'momentum', triggerId: '555.666.ccc' }));
    await handler(event, context);
    stepFunctions.resetHistory();

    // Act
    const replay = await handler(structuredClone(event), context);

    // Assess
    expect(replay.statusCode).toBe(401);
    expect(startCalls()).toEqual([]);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const command = (triggerId: string) => commandBody({ text: 'momentum', triggerId });
  const withoutHeader = (event: ReturnType<typeof signedEvent>, name: string) => ({
    ...event,
    headers: Object.fromEntries(Object.entries(event.headers).filter(([key]) => key !== name)),
  });
  it.each([
    ['a signature made with another secret', 401, signedEvent(command('1.1'), { secret: 'not-the-secret' })],
    ['no signature', 401, withoutHeader(signedEvent(command('1.2')), 'x-slack-signature')],
    ['no timestamp', 401, withoutHeader(signedEvent(command('1.9')), 'x-slack-request-timestamp')],
    ['a timestamp over five minutes old', 401, signedEvent(command('1.3'), { timestamp: now() - 301 })],
    [
      'a body changed after signing',
      401,
      { ...signedEvent(command('1.4')), body: command('1.4').replace('momentum', 'martingale') },
    ],
    ['a wrong content type', 415, signedEvent(command('1.5'), { contentType: 'text/plain' })],
    ['no content type', 415, signedEvent(command('1.6'), { contentType: undefined })],
    ['an oversized body', 413, signedEvent(commandBody({ text: 'x'.repeat(600_000), triggerId: '1.7' }))],
    ['a GET', 405, signedEvent(command('1.8'), { method: 'GET' })],
    ['JSON that does not parse', 400, signedEvent('{"type":', { contentType: 'application/json' })],
    ['a form whose payload does not parse', 400, signedEvent(`payload=${encodeURIComponent('{"type":')}`)],
    ['something that is not an HTTP event', 400, { detail: 'scheduled' }],
  ])('answers %s with %i and starts nothing', async (_label, status, event) => {
    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(startCalls()).toEqual([]);
  });

  it('takes a content type with a charset, and a base64-encoded body', async () => {
    // Prepare
    const charset = signedEvent(command('2.1'), {
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    const base64 = signedEvent(command('2.2'), { base64: true });

    // Act
    const responses = [await handler(charset, context), await handler(base64, context)];

    // Assess
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(startCalls().map((call) => call.name)).toEqual(['slack-2-1', 'slack-2-2']);
  });

  it('answers help, an empty command and an over-long idea with ephemeral text, starting nothing', async () => {
    // Act
    const help = await handler(signedEvent(commandBody({ text: 'help', triggerId: '3.1' })), context);
    const empty = await handler(signedEvent(commandBody({ text: '', triggerId: '3.2' })), context);
    const long = await handler(
      signedEvent(commandBody({ text: 'a'.repeat(4001), triggerId: '3.3' })),
      context,
    );

    // Assess
    expect(startCalls()).toEqual([]);
    expect(bodyOf(help).text).toContain('/quantcoder momentum');
    expect(bodyOf(empty).text).toBe(bodyOf(help).text);
    expect(bodyOf(long)).toEqual({
      response_type: 'ephemeral',
      text: 'That is 4,001 characters; QuantCoder takes at most 4,000. Shorten it and try again.',
    });
  });

  it('answers a failed StartExecution with what to do, and no stack or ARN', async () => {
    // Prepare
    stepFunctions.reset();
    stepFunctions
      .on(StartExecutionCommand)
      .rejects(
        Object.assign(new Error(`Rate exceeded for ${STATE_MACHINE_ARN}`), { name: 'ThrottlingException' }),
      );

    // Act
    const response = await handler(signedEvent(command('4.1')), context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({
      response_type: 'ephemeral',
      text: 'Step Functions is busy or unreachable right now (ThrottlingException): try again in a minute.',
    });
  });
});

describe('the Slack handler, given Slack checks and events', () => {
  it('answers ssl_check and url_verification as Slack expects', async () => {
    // Act
    const sslCheck = await handler(signedEvent('ssl_check=1&token=x'), context);
    const verification = await handler(
      signedEvent(JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }), {
        contentType: 'application/json',
      }),
      context,
    );

    // Assess
    expect(sslCheck.statusCode).toBe(200);
    expect(verification.statusCode).toBe(200);
    expect(JSON.parse(verification.body)).toEqual({ challenge: 'c-123' });
  });

  it('starts a refine run for a reply in a QuantCoder thread, once, and ignores Slack retries', async () => {
    // Prepare
    const reply = {
      type: 'message',
      channel: 'C0RESEARCH',
      user: 'U0ALICE',
      text: 'make it long-only',
      ts: '1700000100.000200',
      thread_ts: '1700000000.000100',
      parent_user_id: 'U0QUANTBOT',
      event_ts: '1700000100.000200',
      channel_type: 'channel',
    };
    const json = { contentType: 'application/json' };
    const first = JSON.stringify(eventEnvelope(reply, 'Ev0FIRST'));
    const retried = JSON.stringify(eventEnvelope(reply, 'Ev0SECOND'));

    // Act
    const delivered = await handler(signedEvent(first, json), context);
    const redelivered = await handler(
      signedEvent(first, { ...json, timestamp: Math.floor(Date.now() / 1000) - 1 }),
      context,
    );
    const retry = await handler(
      signedEvent(retried, {
        ...json,
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      }),
      context,
    );

    // Assess
    expect([delivered.statusCode, redelivered.statusCode, retry.statusCode]).toEqual([200, 200, 200]);
    expect([...started]).toEqual(['reply-Ev0FIRST']);
    const state = RunState.parse(JSON.parse(startCalls()[0]?.input ?? ''));
    expect(state.request).toMatchObject({
      idea: 'make it long-only',
      slack: { channel: 'C0RESEARCH', threadTs: '1700000000.000100', userId: 'U0ALICE', teamId: 'T0TEAM' },
      followUp: { kind: 'refine' },
    });
  });
});

describe('the Slack handler, given button clicks and modals', () => {
  const interaction = (payload: unknown) => signedEvent(interactionBody(payload));

  it('opens the dates modal through the Web API for "Backtest other dates"', async () => {
    // Act
    const response = await handler(interaction(click(ACTION_IDS.backtestDates)), context);

    // Assess
    expect(response.statusCode).toBe(200);
    const opened = slack.callsTo('views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe('701.8.abc');
    expect(opened[0]?.args.view).toMatchObject({
      callback_id: VIEW_IDS.backtestDates,
      private_metadata: JSON.stringify(RUN),
    });
    expect(startCalls()).toEqual([]);
  });

  it('deploys only for an allow-listed user, answering others through response_url', async () => {
    // Prepare
    const responseUrl = { response_url: slack.responseUrl };
    const earlierResponses = slack.responses.length;

    // Act
    const refused = await handler(interaction({ ...click(ACTION_IDS.deployPaper), ...responseUrl }), context);
    const allowed = await handler(
      interaction({ ...click(ACTION_IDS.deployPaper, { userId: 'U0DEPLOYER' }), ...responseUrl }),
      context,
    );

    // Assess
    expect([refused.statusCode, allowed.statusCode]).toEqual([200, 200]);
    const [refusal, deploying] = slack.responses.slice(earlierResponses);
    expect(refusal).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(refusal?.text)).toContain('QUANTCODER_SLACK_DEPLOYERS');
    expect(String(deploying?.text)).toContain('Deploying run `slack-1-2-3` to paper trading');
    expect([...started]).toEqual(['deploy-701-8-abc']);
    const state = RunState.parse(JSON.parse(startCalls()[0]?.input ?? ''));
    expect(state.request.followUp).toEqual({ kind: 'deploy', runId: RUN.runId });
    expect(state.request.slack).toMatchObject({
      channel: RUN.channel,
      threadTs: RUN.threadTs,
      userId: 'U0DEPLOYER',
    });
  });

  it('answers bad dates with errors per block, and starts a backtest follow-up for good ones', async () => {
    // Act
    const bad = await handler(
      interaction(submission(VIEW_IDS.backtestDates, datesValues('2020-01-01', '2019-01-01', '1000'))),
      context,
    );
    const good = await handler(
      interaction(
        submission(VIEW_IDS.backtestDates, datesValues('2016-01-01', '2020-12-31', '25000'), {
          viewId: 'V0GOOD',
        }),
      ),
      context,
    );

    // Assess
    expect(bad.statusCode).toBe(200);
    expect(JSON.parse(bad.body)).toEqual({
      response_action: 'errors',
      errors: { end_date: 'The end date must come after the start date.' },
    });
    expect(good).toMatchObject({ statusCode: 200, body: '' });
    expect([...started]).toEqual(['dates-V0GOOD']);
    const state = RunState.parse(JSON.parse(startCalls()[0]?.input ?? ''));
    expect(state.request.backtest).toEqual({ startDate: '2016-01-01', endDate: '2020-12-31', cash: 25000 });
    expect(state.request.followUp).toEqual({ kind: 'backtest', runId: RUN.runId });
  });
});

describe('createSlackHandler', () => {
  it('answers 500 while a setting is missing, and builds the app once it is there', async () => {
    // Prepare
    const environment: NodeJS.ProcessEnv = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      STATE_MACHINE_ARN,
      AWS_REGION: 'us-east-1',
      LOG_LEVEL: 'silent',
    };
    const slackHandler = createSlackHandler({ environment });

    // Act
    const missing = await slackHandler(
      signedEvent(commandBody({ text: 'momentum', triggerId: '9.1' })),
      context,
    );
    environment.SLACK_BOT_TOKEN = BOT_TOKEN;
    const configured = await slackHandler(
      signedEvent(commandBody({ text: 'momentum', triggerId: '9.2' })),
      context,
    );

    // Assess
    expect(missing.statusCode).toBe(500);
    expect(configured.statusCode).toBe(200);
    expect([...started]).toEqual(['slack-9-2']);
  });
});
