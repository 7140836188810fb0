import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../functions/pipeline/defaults.js';
import { createRunStarter, RunStartError } from '../../functions/pipeline/run-starter.js';
import { RunState } from '../../functions/pipeline/run-state.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { slackRunRequest } from '../../functions/slack/app/slack-run-request.js';
import { NOW } from '../slack/app/listener-fakes.js';

const stepFunctions = mockClient(SFNClient);
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder';

afterEach(() => stepFunctions.reset());

function starter() {
  return createRunStarter({
    client: new SFNClient({ region: 'us-east-1' }),
    stateMachineArn: ARN,
    limits: { ...DEFAULT_LIMITS, budget: { usd: 2 } },
    logger: silentLogger,
  });
}

const request = slackRunRequest({
  idea: 'momentum',
  slack: { channel: 'C0RESEARCH', userId: 'U0ALICE' },
  now: NOW,
});

describe('createRunStarter', () => {
  it('starts the state machine under the name, with the run first state as input', async () => {
    // Prepare
    stepFunctions.on(StartExecutionCommand).resolves({ executionArn: `${ARN}:slack-1`, startDate: NOW });

    // Act
    const outcome = await starter().start('slack-1', request);

    // Assess
    expect(outcome).toEqual({ status: 'started', executionArn: `${ARN}:slack-1` });
    const calls = stepFunctions.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(1);
    const sent = calls[0]?.args[0].input;
    expect(sent?.stateMachineArn).toBe(ARN);
    expect(sent?.name).toBe('slack-1');
    const state = RunState.parse(JSON.parse(sent?.input ?? ''));
    expect(state.runId).toBe('slack-1');
    expect(state.request).toEqual(request);
    expect(state.limits.budget).toEqual({ usd: 2 });
  });

  it('reads ExecutionAlreadyExists as the same request again', async () => {
    // Prepare
    stepFunctions
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} }));

    // Act
    const outcome = await starter().start('slack-1', request);

    // Assess
    expect(outcome).toEqual({ status: 'already-running' });
  });

  it.each([
    ['ExecutionLimitExceeded', 'too many runs going at once'],
    ['StateMachineDoesNotExist', 'should check STATE_MACHINE_ARN'],
    ['AccessDeniedException', 'permission to start the state machine'],
    ['ThrottlingException', 'try again in a minute'],
    ['SomethingNew', 'could not start the run (SomethingNew)'],
  ])('turns %s into a RunStartError that says what to do', async (name, advice) => {
    // Prepare
    const error = Object.assign(new Error(`secret-free detail of ${name}`), { name });
    stepFunctions.on(StartExecutionCommand).rejects(error);

    // Act
    const started = starter().start('slack-1', request);

    // Assess
    await expect(started).rejects.toThrow(RunStartError);
    await expect(started).rejects.toThrow(advice);
    await expect(started).rejects.toHaveProperty('cause', error);
  });
});

describe('createRunStarter with hints', () => {
  it("names the caller's permission and logs instead of the Slack function's", async () => {
    // Prepare
    stepFunctions
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const mcpStarter = createRunStarter({
      client: new SFNClient({ region: 'us-east-1' }),
      stateMachineArn: ARN,
      limits: DEFAULT_LIMITS,
      logger: silentLogger,
      hints: { permission: 'permission to call states:StartExecution', logs: 'the log on stderr has it' },
    });

    // Act
    const started = mcpStarter.start('mcp-1', request);

    // Assess
    await expect(started).rejects.toThrow(
      'should check STATE_MACHINE_ARN and permission to call states:StartExecution; the log on stderr has it.',
    );
    await expect(started).rejects.not.toThrow('Slack');
  });
});
