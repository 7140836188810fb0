import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { z } from 'zod';
import { runLimits } from '../../pipeline/defaults.js';
import { newRunId } from '../../pipeline/initial-state.js';
import { runKeys } from '../../pipeline/project-files.js';
import { RunReport } from '../../pipeline/run-report.js';
import { createRunStarter, type StartErrorHints } from '../../pipeline/run-starter.js';
import type { RunRequest } from '../../pipeline/run-state.js';
import { ArtifactRef, type ArtifactStore, getJson, getText, readJson } from '../../shared/artifact-store.js';
import { requireEnvironment } from '../../shared/environment.js';
import { ConfigurationError, QuantCoderError } from '../../shared/errors.js';
import type { ProgressReporter } from '../progress.js';
import type { McpToolContext } from '../tool-context.js';
import type { GeneratedFile } from './generation-output.js';

const STATE_MACHINE_SETTING = 'STATE_MACHINE_ARN';
const BUCKET_SETTING = 'ARTIFACT_BUCKET';
const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]+):\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/;
const FIRST_POLL_MS = 2_000;
const LONGEST_POLL_MS = 15_000;

/** The deployed pipeline could not be started or did not end with a report. */
class DeployedRunError extends QuantCoderError {
  override readonly name = 'DeployedRunError';
}

/** A deployed run: finished with its report (and files), or still running when the wait ran out. */
export type DeployedGeneration =
  | { status: 'finished'; report: RunReport; files: GeneratedFile[]; executionArn: string }
  | { status: 'running'; runId: string; executionArn: string; project: string; report: string };

/** What the last state of a successful execution holds: the run and where its report is. */
const ExecutionOutput = z.object({
  runId: z.string(),
  outcome: z.object({ status: z.enum(['succeeded', 'failed']), report: ArtifactRef }),
});

/** A failed start names what the MCP server's user can check: their AWS credentials, the server's log. */
const MCP_START_HINTS: StartErrorHints = {
  permission: 'that the AWS credentials the server runs with may call states:StartExecution on it',
  logs: "the server's log (stderr) has the cause",
};

/**
 * Starts the deployed state machine with the run's first state (source `mcp`), follows DescribeExecution
 * until it ends or `waitSeconds` pass, then reads the report and the files from the artifact bucket.
 */
export async function generateOnAws(
  request: { idea: string; backtest?: RunRequest['backtest'] },
  context: McpToolContext,
  progress: ProgressReporter,
  options: { stateMachineArn: string; waitSeconds: number; sleep: (milliseconds: number) => Promise<void> },
): Promise<DeployedGeneration> {
  const region = STATE_MACHINE_ARN.exec(options.stateMachineArn)?.[1];
  if (region === undefined) {
    throw new ConfigurationError(
      `${STATE_MACHINE_SETTING} must be the QuantCoder state machine's ARN (arn:aws:states:<region>:<account>:stateMachine:<name>, the stack's StateMachineArn output); unset it to run on this machine.`,
    );
  }
  const bucket = requireEnvironment(
    BUCKET_SETTING,
    "the QuantCoder stack's artifact bucket, where deployed runs write their files (needed with STATE_MACHINE_ARN)",
    context.environment,
  );
  // The S3 store (and its SDK) loads here, not with the server: most calls never run on AWS.
  const { createS3ArtifactStore } = await import('../../shared/s3-artifact-store.js');
  const stepFunctions = await context.aws.stepFunctions(region);
  const store = createS3ArtifactStore({ client: await context.aws.s3(region), bucket });
  const now = context.now;
  const runId = newRunId(new Date(now()));
  const executionArn = await start(stepFunctions, options.stateMachineArn, runId, request, context);
  progress.report(`started run ${runId} on the deployed state machine`);

  const startedAt = now();
  const deadline = startedAt + options.waitSeconds * 1000;
  let wait = FIRST_POLL_MS;
  let execution = await describe(stepFunctions, executionArn);
  while (execution.status === 'RUNNING' && now() < deadline) {
    progress.report(`run ${runId} running (${Math.round((now() - startedAt) / 1000)} s)`);
    await options.sleep(Math.min(wait, Math.max(0, deadline - now())));
    wait = Math.min(LONGEST_POLL_MS, Math.ceil(wait * 1.5));
    execution = await describe(stepFunctions, executionArn);
  }
  if (execution.status === 'RUNNING' || execution.status === 'PENDING_REDRIVE') {
    return {
      status: 'running',
      runId,
      executionArn,
      project: store.locate(runKeys.projectFile(runId, '').replace(/\/$/, '')),
      report: store.locate(runKeys.report(runId)),
    };
  }
  const report = await readReport(store, runId, execution);
  const files =
    report.status === 'succeeded'
      ? await Promise.all(
          report.files.map(async (file) => ({
            name: file.name,
            owner: file.owner,
            content: await getText(store, {
              key: runKeys.projectFile(runId, file.name),
              sha256: file.sha256,
              bytes: file.bytes,
            }),
          })),
        )
      : [];
  return { status: 'finished', report, files, executionArn };
}

/** Starts the run under its id with the run starter Slack uses, its messages naming the MCP side. */
async function start(
  stepFunctions: SFNClient,
  stateMachineArn: string,
  runId: string,
  request: { idea: string; backtest?: RunRequest['backtest'] },
  context: McpToolContext,
): Promise<string> {
  const starter = createRunStarter({
    client: stepFunctions,
    stateMachineArn,
    limits: runLimits(context.environment),
    logger: context.logger,
    hints: MCP_START_HINTS,
  });
  const outcome = await starter.start(runId, {
    idea: request.idea,
    source: 'mcp',
    requestedAt: new Date(context.now()).toISOString(),
    ...(request.backtest ? { backtest: request.backtest } : {}),
  });
  if (outcome.status !== 'started' || outcome.executionArn === '') {
    throw new DeployedRunError(
      `Step Functions did not start run ${runId} (${outcome.status === 'started' ? 'no execution named' : 'an execution of that name exists'}): call generate_strategy again.`,
    );
  }
  return outcome.executionArn;
}

async function describe(
  stepFunctions: SFNClient,
  executionArn: string,
): Promise<DescribeExecutionCommandOutput> {
  return stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
}

/**
 * The run's report.json: the execution's output points at it when the run succeeded; a failed run ends in a
 * Fail state with no output, so its report is found under its run id in the bucket.
 */
async function readReport(
  store: ArtifactStore,
  runId: string,
  execution: DescribeExecutionCommandOutput,
): Promise<RunReport> {
  if (execution.status === 'SUCCEEDED') {
    const output = ExecutionOutput.safeParse(parseJson(execution.output));
    if (output.success) return getJson(store, output.data.outcome.report, RunReport);
  }
  const report = await readJson(store, runKeys.report(runId), RunReport);
  if (report) return report;
  throw new DeployedRunError(
    `The deployed run ${runId} ended ${execution.status ?? 'without a status'} without a report${execution.error ? ` (${execution.error})` : ''}: open execution ${execution.executionArn ?? runId} in the Step Functions console to see where it stopped.`,
  );
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return undefined;
  }
}
