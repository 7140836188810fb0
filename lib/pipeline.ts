import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { Failure } from '../functions/pipeline/run-state.js';
import { AGENT_STAGES, type StageId } from '../functions/pipeline/stage-ids.js';
import { RETRYABLE_ERROR_NAMES } from '../functions/shared/errors.js';

/**
 * THE state machine. Its shape is written here and nowhere else: AWS runs it, and the local runner
 * runs the same synthesized definition in-process. JSONPath only (no JSONata, no `Assign`): the local
 * interpreter ignores both.
 */

/** The Task state that runs each stage. The local runner and the tests find stages by these names. */
export const TASK_STATE_NAMES: Readonly<Record<StageId, string>> = {
  plan: 'Plan',
  universe: 'WriteUniverse',
  alpha: 'WriteAlpha',
  portfolio: 'WritePortfolio',
  risk: 'WriteRisk',
  strategy: 'WriteStrategy',
  integrate: 'Integrate',
  validate: 'Validate',
  refine: 'Refine',
  'start-backtest': 'StartBacktest',
  'poll-backtest': 'PollBacktest',
  'check-result': 'CheckResult',
  package: 'Package',
  report: 'Report',
  'report-failure': 'ReportFailure',
  reuse: 'ReuseProject',
  deploy: 'DeployPaper',
};

/** Where every unhandled error goes: it packages what exists and writes the failure report. */
export const FAILURE_STATE_NAME = TASK_STATE_NAMES['report-failure'];
export const PARALLEL_STATE_NAME = 'WriteComponents';
export const FAILED_STATE_NAME = 'RunFailed';
export const FAILED_ERROR = 'QuantCoderRunFailed';

/** Agent stages call a model, sometimes more than once to repair its output. */
const AGENT_TASK_TIMEOUT_SECONDS = 300;
/** The other stages are quick, or one poll of QuantConnect. */
const STEP_TASK_TIMEOUT_SECONDS: Readonly<Partial<Record<StageId, number>>> = {
  validate: 120,
  'start-backtest': 90,
  package: 90,
  'report-failure': 120,
  // A deploy may compile first and wait for the build.
  deploy: 120,
};
const DEFAULT_TASK_TIMEOUT_SECONDS = 60;

/** How much earlier than its Task state a function times out, so the Lambda's own timeout is the error reported. */
const FUNCTION_TIMEOUT_MARGIN_SECONDS = 10;

/** Seconds a stage's Task state waits for its Lambda (its TimeoutSeconds). */
export function taskTimeoutSeconds(stage: StageId): number {
  if (AGENT_STAGES.has(stage)) return AGENT_TASK_TIMEOUT_SECONDS;
  return STEP_TASK_TIMEOUT_SECONDS[stage] ?? DEFAULT_TASK_TIMEOUT_SECONDS;
}

/** The Lambda timeout for a stage: just under its Task state's TimeoutSeconds. */
export function functionTimeout(stage: StageId): Duration {
  return Duration.seconds(taskTimeoutSeconds(stage) - FUNCTION_TIMEOUT_MARGIN_SECONDS);
}

const CATCH_ALL: sfn.CatchProps = { errors: [sfn.Errors.ALL], resultPath: '$.error' };

/** Builds the pipeline over one function per stage and returns its definition body. */
export function buildPipelineDefinition(
  scope: Construct,
  functions: Readonly<Record<StageId, IFunction>>,
): sfn.DefinitionBody {
  const states = new Construct(scope, 'PipelineStates');
  const task = (stage: StageId): sfn.TaskStateBase => stageTask(states, stage, functions[stage]);

  const runFailed = new sfn.Fail(states, FAILED_STATE_NAME, {
    error: FAILED_ERROR,
    cause:
      'The run failed. The failure report is <runId>/report.json in the artifact store, and the last state ' +
      'holds it under outcome.report; files written so far are kept beside it.',
  });
  const reportFailure = task('report-failure');
  reportFailure.addCatch(runFailed, CATCH_ALL);
  reportFailure.next(runFailed);

  // A bounded loop that runs out leaves a Failure (functions/pipeline/run-state.ts) for ReportFailure.
  const failWith = (name: string, failure: Failure): sfn.Pass =>
    new sfn.Pass(states, name, { result: sfn.Result.fromObject(failure), resultPath: '$.failure' });

  const caught = (stage: StageId): sfn.TaskStateBase => task(stage).addCatch(reportFailure, CATCH_ALL);

  const plan = caught('plan');
  const integrate = caught('integrate');
  const validate = caught('validate');
  const refine = caught('refine');
  const startBacktest = caught('start-backtest');
  const pollBacktest = caught('poll-backtest');
  const checkResult = caught('check-result');
  const packageProject = caught('package');
  const report = caught('report');

  // Every file writer writes to the plan's contract, not to another writer's code, so all run at once.
  // A branch task returns a BranchPatch; the Parallel's array of them lands in $.branches for Integrate.
  // Branch tasks have no Catch: a failing branch fails the Parallel, whose Catch reports the failure.
  const writeComponents = new sfn.Parallel(states, PARALLEL_STATE_NAME, { resultPath: '$.branches' })
    .branch(task('universe'))
    .branch(task('alpha'))
    .branch(
      new sfn.Choice(states, 'NeedsPortfolio')
        .when(sfn.Condition.booleanEquals('$.plan.customPortfolio', true), task('portfolio'))
        .otherwise(
          new sfn.Pass(states, 'UseBuiltInPortfolio', {
            result: sfn.Result.fromObject({ files: [], usage: [], timings: [] }),
          }),
        ),
    )
    .branch(task('risk'))
    .branch(task('strategy'))
    .addCatch(reportFailure, CATCH_ALL);

  const refineAttemptsLeft = sfn.Condition.numberLessThanJsonPath(
    '$.attempts.refine',
    '$.limits.maxRefineAttempts',
  );

  refine.next(validate);

  const waitForBacktest = new sfn.Wait(states, 'WaitForBacktest', {
    time: sfn.WaitTime.secondsPath('$.backtest.waitSeconds'),
  });

  const succeeded = new sfn.Succeed(states, 'Succeeded');
  const resultAccepted = new sfn.Choice(states, 'ResultAccepted')
    .when(sfn.Condition.stringEquals('$.result.verdict', 'ok'), packageProject.next(report).next(succeeded))
    .when(refineAttemptsLeft, refine)
    .otherwise(
      failWith('ResultRejected', {
        stage: 'check-result',
        reason: 'backtest_rejected',
        message: 'The backtest ran, but its result was not accepted after the last refine attempt.',
      }).next(reportFailure),
    );

  const backtestFinished = new sfn.Choice(states, 'BacktestFinished')
    .when(sfn.Condition.booleanEquals('$.backtest.done', true), checkResult.next(resultAccepted))
    .when(sfn.Condition.numberLessThanJsonPath('$.backtest.polls', '$.limits.maxPolls'), waitForBacktest)
    .otherwise(
      failWith('BacktestTimedOut', {
        stage: 'poll-backtest',
        reason: 'backtest_timeout',
        message: 'The backtest did not finish within the allowed number of polls.',
      }).next(reportFailure),
    );

  const validationPassed = new sfn.Choice(states, 'ValidationPassed')
    .when(
      sfn.Condition.booleanEquals('$.validation.ok', true),
      startBacktest.next(waitForBacktest).next(pollBacktest).next(backtestFinished),
    )
    .when(refineAttemptsLeft, refine)
    .otherwise(
      failWith('ValidationExhausted', {
        stage: 'validate',
        reason: 'validation_failed',
        message: 'The project still has errors after the last refine attempt.',
      }).next(reportFailure),
    );

  plan.next(writeComponents).next(integrate).next(validate).next(validationPassed);

  // A follow-up on an earlier run ("backtest other dates", "deploy to paper") skips the writers; a refine
  // follow-up is a new plan from the earlier one, so it starts at Plan like a new idea.
  const reuse = caught('reuse');
  reuse.next(validate);
  const deploy = caught('deploy');
  deploy.next(report);
  const followUpKind = new sfn.Choice(states, 'FollowUpKind')
    .when(sfn.Condition.stringEquals('$.request.followUp.kind', 'backtest'), reuse)
    .when(sfn.Condition.stringEquals('$.request.followUp.kind', 'deploy'), deploy)
    .otherwise(plan);
  const startingPoint = new sfn.Choice(states, 'StartingPoint')
    .when(sfn.Condition.isPresent('$.request.followUp'), followUpKind)
    .otherwise(plan);
  return sfn.DefinitionBody.fromChainable(startingPoint);
}

/**
 * One stage as a Task state. The Lambda's return value is the next state (`payloadResponseOnly`);
 * its input is the whole state. Retried on Lambda service errors and on TransientError, both bounded.
 */
function stageTask(scope: Construct, stage: StageId, lambdaFunction: IFunction): sfn.TaskStateBase {
  return new LambdaInvoke(scope, TASK_STATE_NAMES[stage], {
    lambdaFunction,
    payloadResponseOnly: true,
    retryOnServiceExceptions: true,
    taskTimeout: sfn.Timeout.duration(Duration.seconds(taskTimeoutSeconds(stage))),
  }).addRetry({
    errors: [...RETRYABLE_ERROR_NAMES, 'Lambda.TooManyRequestsException'],
    interval: Duration.seconds(AGENT_STAGES.has(stage) ? 10 : 3),
    backoffRate: 2,
    maxAttempts: 3,
    maxDelay: Duration.seconds(120),
    jitterStrategy: sfn.JitterType.FULL,
  });
}
