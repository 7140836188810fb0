import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/slack.js';
import { RunState } from '../../functions/pipeline/run-state.js';
import { BOT_TOKEN, commandBody, SIGNING_SECRET, signedEvent } from '../slack/app/signed-request.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.js';
import { type FakeStepFunctions, startFakeStepFunctions } from '../slack/fake-step-functions.js';

const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder';
const context = {} as Context;
let slack: FakeSlackApi;
let stepFunctions: FakeStepFunctions;

beforeAll(async () => {
  slack = await startFakeSlackApi({ token: BOT_TOKEN });
  stepFunctions = await startFakeStepFunctions();
  delete process.env.QUANTCODER_SECRET_ARN;
  Object.assign(process.env, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    STATE_MACHINE_ARN,
    // The SDK reads the endpoint itself: the handler's real SFNClient talks to the loopback server.
    AWS_ENDPOINT_URL_SFN: stepFunctions.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test-access-key',
    AWS_SECRET_ACCESS_KEY: 'test-secret-key',
    LOG_LEVEL: 'silent',
  });
});
afterAll(async () => {
  await slack.close();
  await stepFunctions.close();
});

function textOf(response: { body: string }): string {
  return String(JSON.parse(response.body).text);
}

describe('the Slack handler over the real Step Functions client (JSON 1.0 on loopback)', () => {
  it('starts one execution, and reads ExecutionAlreadyExists for the same trigger as already going', async () => {
    // Prepare
    const body = commandBody({ text: 'momentum on sector ETFs', triggerId: '777.888.ddd' });

    // Act
    const first = await handler(signedEvent(body), context);
    const again = await handler(signedEvent(body, { timestamp: Math.floor(Date.now() / 1000) - 1 }), context);

    // Assess
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(textOf(first)).toContain('started run `slack-777-888-ddd`');
    expect(textOf(again)).toContain('already going');
    expect(stepFunctions.executions).toHaveLength(1);
    const [execution] = stepFunctions.executions;
    expect(execution?.name).toBe('slack-777-888-ddd');
    expect(execution?.stateMachineArn).toBe(STATE_MACHINE_ARN);
    const state = RunState.parse(execution?.input);
    expect(state.runId).toBe('slack-777-888-ddd');
    expect(state.request.idea).toBe('momentum on sector ETFs');
  });

  it('tells the user what to do when Step Functions refuses', async () => {
    // Prepare
    stepFunctions.failWith({ type: 'ExecutionLimitExceeded', message: 'Execution limit exceeded' });

    // Act
    const response = await handler(
      signedEvent(commandBody({ text: 'momentum', triggerId: '999.1' })),
      context,
    );

    // Assess
    stepFunctions.failWith(undefined);
    expect(response.statusCode).toBe(200);
    expect(textOf(response)).toBe(
      'QuantCoder has too many runs going at once: wait for one to finish, then try again.',
    );
    expect(stepFunctions.executions.map((execution) => execution.name)).toEqual(['slack-777-888-ddd']);
  });
});
