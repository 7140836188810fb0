import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describeError, QuantCoderError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { initialState } from './initial-state.js';
import type { Limits, RunRequest } from './run-state.js';

/** What starting a run came to: a new execution, or the name was taken (the same request again). */
export type StartOutcome = { status: 'started'; executionArn: string } | { status: 'already-running' };

/** Starts pipeline executions: the Slack listeners' only way to do work, and the MCP server's deployed runs. */
export interface RunStarter {
  /** Starts the pipeline as `name` (also the run id); a name already used starts nothing. */
  start(name: string, request: RunRequest): Promise<StartOutcome>;
}

/** StartExecution failed; the message tells the user what to do, the cause keeps the SDK error. */
export class RunStartError extends QuantCoderError {
  override readonly name: string = 'RunStartError';
}

/** Who can fix a deployment problem, and where the cause is: the Slack function's or the MCP server's side. */
export interface StartErrorHints {
  /** What lets the caller start the state machine, e.g. "the Slack function's permission to start the state machine". */
  permission: string;
  /** Where the cause is logged, e.g. "whoever deployed QuantCoder can find the cause in the Slack function's logs". */
  logs: string;
}

/** The Slack app's hints: a Slack user cannot see the function's logs, whoever deployed it can. */
export const SLACK_START_HINTS: StartErrorHints = {
  permission: "the Slack function's permission to start the state machine",
  logs: "whoever deployed QuantCoder can find the cause in the Slack function's logs",
};

/** Errors that mean the deployment is wrong, not that Step Functions is having a bad minute. */
const SETUP_ERRORS = new Set([
  'StateMachineDoesNotExist',
  'StateMachineDeleting',
  'InvalidArn',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'CredentialsProviderError',
  'ValidationException',
]);

const BUSY_ERRORS = new Set(['ThrottlingException', 'TooManyRequestsException', 'ServiceUnavailable']);

/** The user's side of a failed StartExecution: what happened in a few words, and what to do. */
function explain(error: unknown, hints: StartErrorHints): string {
  const { name } = describeError(error);
  if (name === 'ExecutionLimitExceeded') {
    return 'QuantCoder has too many runs going at once: wait for one to finish, then try again.';
  }
  if (SETUP_ERRORS.has(name)) {
    return `QuantCoder cannot start runs (${name}): whoever deployed it should check STATE_MACHINE_ARN and ${hints.permission}; ${hints.logs}.`;
  }
  if (BUSY_ERRORS.has(name) || isServerFault(error)) {
    return `Step Functions is busy or unreachable right now (${name}): try again in a minute.`;
  }
  return `QuantCoder could not start the run (${name}): try again in a minute; if it keeps failing, ${hints.logs}.`;
}

function isServerFault(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$fault' in error && error.$fault === 'server';
}

/**
 * A RunStarter over Step Functions. The execution input is the run's first state, so the pipeline starts
 * from exactly what was asked; a repeated name is Step Functions' ExecutionAlreadyExists. `hints` say who
 * can fix a failed start and where its cause is logged (the Slack app's by default).
 */
export function createRunStarter(options: {
  client: SFNClient;
  stateMachineArn: string;
  limits: Limits;
  logger: Logger;
  hints?: StartErrorHints;
}): RunStarter {
  const hints = options.hints ?? SLACK_START_HINTS;
  return {
    async start(name, request) {
      const input = initialState({ runId: name, request, limits: options.limits });
      try {
        const answer = await options.client.send(
          new StartExecutionCommand({
            stateMachineArn: options.stateMachineArn,
            name,
            input: JSON.stringify(input),
          }),
        );
        options.logger.info('Run started', { executionName: name, followUp: request.followUp?.kind });
        return { status: 'started', executionArn: answer.executionArn ?? '' };
      } catch (error) {
        if (error instanceof Error && error.name === 'ExecutionAlreadyExists') {
          options.logger.info('Run already started under this name', { executionName: name });
          return { status: 'already-running' };
        }
        options.logger.error('StartExecution failed', { executionName: name, error: describeError(error) });
        throw new RunStartError(explain(error, hints), { cause: error });
      }
    },
  };
}
