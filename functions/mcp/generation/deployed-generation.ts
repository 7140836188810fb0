import type { DescribeExecutionCommandOutput, SFNClient } from '@aws-sdk/client-sfn';
import { z } from 'zod';
import { readBudget } from '../../llm/ledger/index.js';
import { DEFAULT_LIMITS } from '../../pipeline/defaults.js';
import { initialState, newRunId } from '../../pipeline/initial-state.js';
import { runKeys } from '../../pipeline/project-files.js';
import { RunReport } from '../../pipeline/run-report.js';
import type { RunRequest } from '../../pipeline/run-state.js';
import { ArtifactRef, type ArtifactStore, getJson, getText } from '../../shared/artifact-store.js';
import { optionalEnvironment, requireEnvironment } from '../../shared/environment.js';
import { ConfigurationError, describeError, QuantCoderError } from '../../shared/errors.js';
import { createS3ArtifactStore } from '../../shared/s3-artifact-store.js';
import type { ProgressReporter } from '../progress.js';
import type { McpAwsClients, McpToolContext } from '../tool-context.js';
import type { GeneratedFile } from './generation-output.js';

/** Set to the deployed state machine's ARN to run generate_strategy in AWS instead of on this machine. */
export const STATE_MACHINE_SETTING = 'STATE_MACHINE_ARN';
const BUCKET_SETTING = 'ARTIFACT_BUCKET';
const STATE_MACHINE_ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]+):\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/;
const FIRST_POLL_MS = 2_000;
const LONGEST_POLL_MS = 15_000;

/** The deployed pipeline could not be started or did not end with a report. */
export class DeployedRunError extends QuantCoderError {
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

/** The state machine generate_strategy starts, when one is configured. */
export function deployedStateMachine(environment: NodeJS.ProcessEnv): string | undefined {
  return optionalEnvironment(STATE_MACHINE_SETTING, environment);
}

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
  const clients = context.aws ?? (await defaultAwsClients());
  const stepFunctions = clients.stepFunctions(region);
  const store = createS3ArtifactStore({ client: clients.s3(region), bucket });
  const now = context.now ?? Date.now;
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

async function defaultAwsClients(): Promise<McpAwsClients> {
  const [{ SFNClient }, { S3Client }] = await Promise.all([
    import('@aws-sdk/client-sfn'),
    import('@aws-sdk/client-s3'),
  ]);
  return {
    stepFunctions: (region) => new SFNClient({ region }),
    s3: (region) => new S3Client({ region }),
  };
}

async function start(
  stepFunctions: SFNClient,
  stateMachineArn: string,
  runId: string,
  request: { idea: string; backtest?: RunRequest['backtest'] },
  context: McpToolContext,
): Promise<string> {
  const { StartExecutionCommand } = await import('@aws-sdk/client-sfn');
  const budget = readBudget(context.environment);
  const input = initialState({
    runId,
    request: {
      idea: request.idea,
      source: 'mcp',
      requestedAt: new Date((context.now ?? Date.now)()).toISOString(),
      ...(request.backtest ? { backtest: request.backtest } : {}),
    },
    limits: budget ? { ...DEFAULT_LIMITS, budget } : DEFAULT_LIMITS,
  });
  try {
    const answer = await stepFunctions.send(
      new StartExecutionCommand({ stateMachineArn, name: runId, input: JSON.stringify(input) }),
    );
    if (!answer.executionArn)
      throw new DeployedRunError('Step Functions started the run but named no execution.');
    context.logger.info('deployed run started', { runId });
    return answer.executionArn;
  } catch (error) {
    if (error instanceof QuantCoderError) throw error;
    const { name } = describeError(error);
    throw new DeployedRunError(
      `Could not start the deployed pipeline (${name}): check STATE_MACHINE_ARN, and that the AWS credentials the server runs with may call states:StartExecution on it.`,
      { cause: error },
    );
  }
}

async function describe(
  stepFunctions: SFNClient,
  executionArn: string,
): Promise<DescribeExecutionCommandOutput> {
  const { DescribeExecutionCommand } = await import('@aws-sdk/client-sfn');
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
  const reportRef = (await store.list(runId)).find((ref) => ref.key === runKeys.report(runId));
  if (reportRef) return getJson(store, reportRef, RunReport);
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
