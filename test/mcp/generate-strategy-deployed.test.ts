import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runKeys } from '../../functions/pipeline/project-files.js';
import type { RunReport } from '../../functions/pipeline/run-report.js';
import { RunState } from '../../functions/pipeline/run-state.js';
import { type ArtifactRef, putJson } from '../../functions/shared/artifact-store.js';
import { createS3ArtifactStore } from '../../functions/shared/s3-artifact-store.js';
import { type LocalS3, startLocalS3 } from '../shared/s3rver-harness.js';
import { callTool, type McpHarness, startMcpHarness } from './mcp-harness.js';

const STATE_MACHINE_ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:QuantCoderPipeline';
const MAIN = 'from AlgorithmImports import *\n\nclass Deployed(QCAlgorithm):\n    pass\n';

/** A report.json as the deployed Report stage writes it, for a run with one file. */
function report(runId: string, bucket: string, status: 'succeeded' | 'failed', main: ArtifactRef): RunReport {
  return {
    runId,
    status,
    ...(status === 'failed'
      ? { failure: { stage: 'validate', reason: 'attempts', message: 'The project still does not compile.' } }
      : {}),
    request: { idea: 'Momentum on SPY', source: 'mcp', requestedAt: '2026-01-05T10:00:00.000Z' },
    files: [{ name: 'main.py', owner: 'strategy', sha256: main.sha256, bytes: main.bytes }],
    locations: { project: `s3://${bucket}/${runId}/project`, report: `s3://${bucket}/${runId}/report.json` },
    timings: [],
    durationMs: 61_000,
    validation: [],
    backtest: {
      emulated: false,
      projectId: 42,
      projectUrl: 'https://www.quantconnect.com/project/42',
      backtestId: 'b'.repeat(32),
      status: 'Completed.',
      statistics: { 'Sharpe Ratio': 1.25, 'Net Profit': 12.5 },
    },
    usage: {
      entries: [],
      totals: { calls: 6, inputTokens: 12_000, outputTokens: 4_000, cachedInputTokens: 0, costUsd: 0.21 },
    },
  };
}

let s3: LocalS3;
let harness: McpHarness;
const stepFunctions = new SFNClient({ region: 'eu-west-1' });
const mock = mockClient(stepFunctions);
let clock = Date.parse('2026-01-05T10:00:00Z');

/** What the fake pipeline does when started: write the run's files and report, and remember the input. */
async function pipelineWrites(input: string, status: 'succeeded' | 'failed') {
  const state = RunState.parse(JSON.parse(input));
  const store = createS3ArtifactStore({ client: s3.client, bucket: s3.bucket });
  const main = await store.put(runKeys.projectFile(state.runId, 'main.py'), MAIN);
  const reportRef = await putJson(
    store,
    runKeys.report(state.runId),
    report(state.runId, s3.bucket, status, main),
  );
  return { state, reportRef };
}

beforeAll(async () => {
  s3 = await startLocalS3('quantcoder-deployed');
  harness = await startMcpHarness({
    withoutCredentials: true,
    environment: { STATE_MACHINE_ARN, ARTIFACT_BUCKET: s3.bucket },
    context: {
      now: () => clock,
      sleep: async (milliseconds) => {
        clock += milliseconds;
      },
      aws: { stepFunctions: async () => stepFunctions, s3: async () => s3.client },
    },
  });
});

afterAll(async () => {
  await harness.close();
  await s3.stop();
});

beforeEach(() => {
  mock.reset();
});

describe('generate_strategy with STATE_MACHINE_ARN', () => {
  it('starts the state machine with the run as input, follows it, and reads the files from the bucket', async () => {
    // Prepare
    let started: RunState | undefined;
    let output = '';
    mock.on(StartExecutionCommand).callsFake(async (command) => {
      const written = await pipelineWrites(command.input ?? '', 'succeeded');
      started = written.state;
      output = JSON.stringify({
        ...written.state,
        outcome: { status: 'succeeded', report: written.reportRef },
      });
      return {
        executionArn: `arn:aws:states:eu-west-1:123456789012:execution:QuantCoderPipeline:${command.name}`,
      };
    });
    mock
      .on(DescribeExecutionCommand)
      .resolvesOnce({ status: 'RUNNING' })
      .callsFake(async () => ({ status: 'SUCCEEDED', output }));
    const progress: string[] = [];

    // Act
    const result = await callTool(
      harness.client,
      'generate_strategy',
      { idea: 'Momentum on SPY', startDate: '2018-01-01', cash: 10_000 },
      (message) => progress.push(message),
    );

    // Assess
    expect(result.isError, result.text).toBeUndefined();
    expect(started?.request).toMatchObject({
      idea: 'Momentum on SPY',
      source: 'mcp',
      backtest: { startDate: '2018-01-01', cash: 10_000 },
    });
    const startCall = mock.commandCalls(StartExecutionCommand)[0]?.args[0].input;
    expect(startCall).toMatchObject({ stateMachineArn: STATE_MACHINE_ARN, name: started?.runId });
    expect(result.structuredContent).toMatchObject({
      status: 'succeeded',
      mode: 'deployed',
      runId: started?.runId,
      executionArn: expect.stringContaining(':execution:QuantCoderPipeline:'),
      files: [{ name: 'main.py', owner: 'strategy', content: MAIN }],
      location: { project: `s3://quantcoder-deployed/${started?.runId}/project` },
      backtest: { projectId: 42, statistics: { 'Sharpe Ratio': 1.25 } },
      cost: { usd: 0.21, calls: 6 },
    });
    expect(progress.some((message) => message.includes('running'))).toBe(true);
    expect(mock.commandCalls(DescribeExecutionCommand).length).toBe(2);
  });

  it('reads the failure report of a failed execution from the bucket and says where the files are', async () => {
    // Prepare
    mock.on(StartExecutionCommand).callsFake(async (command) => {
      await pipelineWrites(command.input ?? '', 'failed');
      return {
        executionArn: `arn:aws:states:eu-west-1:123456789012:execution:QuantCoderPipeline:${command.name}`,
      };
    });
    mock.on(DescribeExecutionCommand).resolves({ status: 'FAILED', error: 'QuantCoderRunFailed' });

    // Act
    const result = await callTool(harness.client, 'generate_strategy', { idea: 'Momentum on SPY' });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('failed at validate: The project still does not compile.');
    expect(result.text).toContain('s3://quantcoder-deployed/');
  });

  it('answers with where the report will be when the run outlasts waitSeconds', async () => {
    // Prepare
    mock.on(StartExecutionCommand).callsFake(async (command) => ({
      executionArn: `arn:aws:states:eu-west-1:123456789012:execution:QuantCoderPipeline:${command.name}`,
    }));
    mock.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });

    // Act
    const result = await callTool(harness.client, 'generate_strategy', {
      idea: 'Momentum on SPY',
      waitSeconds: 30,
    });

    // Assess
    expect(result.isError).toBeUndefined();
    const output = result.structuredContent as { runId: string; location: { report: string } };
    expect(result.structuredContent).toMatchObject({ status: 'running', mode: 'deployed', files: [] });
    expect(output.location.report).toBe(`s3://quantcoder-deployed/${output.runId}/report.json`);
    expect(mock.commandCalls(DescribeExecutionCommand).length).toBeGreaterThan(2);
  });

  it('explains a state machine that cannot be started', async () => {
    // Prepare
    mock
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('not found'), { name: 'StateMachineDoesNotExist' }));

    // Act
    const result = await callTool(harness.client, 'generate_strategy', { idea: 'Momentum on SPY' });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('StateMachineDoesNotExist');
    expect(result.text).toContain('states:StartExecution');
  });
});

describe('generate_strategy with a deployment half configured', () => {
  it('names ARTIFACT_BUCKET when it is missing, and STATE_MACHINE_ARN when it is not an ARN', async () => {
    // Prepare
    const noBucket = await startMcpHarness({ withoutCredentials: true, environment: { STATE_MACHINE_ARN } });
    const badArn = await startMcpHarness({
      withoutCredentials: true,
      environment: { STATE_MACHINE_ARN: 'QuantCoder', ARTIFACT_BUCKET: 'bucket' },
    });

    // Act
    const missing = await callTool(noBucket.client, 'generate_strategy', { idea: 'Momentum on SPY' });
    const malformed = await callTool(badArn.client, 'generate_strategy', { idea: 'Momentum on SPY' });
    await noBucket.close();
    await badArn.close();

    // Assess
    expect(missing.isError).toBe(true);
    expect(missing.text).toContain('ARTIFACT_BUCKET');
    expect(malformed.isError).toBe(true);
    expect(malformed.text).toContain('STATE_MACHINE_ARN must be');
  });
});
