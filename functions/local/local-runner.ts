import './promise-with-resolvers.js';
import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { type AslDefinition, allStates } from '../../lib/definition.js';
import type { Deps } from '../pipeline/deps.js';
import { RunState } from '../pipeline/run-state.js';
import type { StageId } from '../pipeline/stage-ids.js';
import { runStage } from '../pipeline/stage-runner.js';
import { STAGES } from '../pipeline/stages/index.js';
import { QuantCoderError } from '../shared/errors.js';

/** The synthesized state machine as plain ASL, and which stage each Task state runs. */
export interface LocalDefinition {
  definition: AslDefinition;
  stageByState: Readonly<Record<string, StageId>>;
}

/** The definition refers to a Lambda the local runner cannot map to a stage. */
export class UnmappedTaskError extends QuantCoderError {
  override readonly name = 'UnmappedTaskError';
}

/** What the execution cost in Step Functions terms, read from the interpreter's event log. */
export interface ExecutionStatistics {
  /** States entered, Parallel branches included: what Step Functions bills as state transitions. */
  transitions: number;
  /** The largest state input or output, in bytes of JSON; Step Functions refuses more than 262,144. */
  largestStateBytes: number;
}

export type LocalRunOutcome = (
  | { status: 'succeeded'; output: RunState }
  | { status: 'failed'; error: { name: string; cause: string } }
) & { statistics: ExecutionStatistics };

/**
 * The interpreter's own type for a definition. Its constructor validates the definition against the
 * States Language (asl-validator) and throws on anything invalid, which is the check this stands for.
 */
function interpreterDefinition(definition: AslDefinition): StateMachineDefinition {
  return definition as unknown as StateMachineDefinition;
}

type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

/** Serializes like Lambda does: plain JSON, undefined fields dropped. */
function asJson(value: unknown) {
  return JSON.parse(JSON.stringify(value));
}

/** Maps each Task state to the in-process stage its Lambda would run. */
export function localTaskHandlers(local: LocalDefinition, deps: Deps): TaskHandlers {
  const handlers: TaskHandlers = {};
  for (const [name, state] of allStates(local.definition)) {
    if (state.Type !== 'Task') continue;
    const stage = local.stageByState[name];
    if (!stage)
      throw new UnmappedTaskError(
        `Task state ${name} runs ${String(state.Resource ?? 'nothing')}, which is no QuantCoder stage.`,
      );
    handlers[name] = async (input) => asJson(await runStage(stage, STAGES[stage], input, deps));
  }
  return handlers;
}

// Building a StateMachine validates the definition, which compiles a JSON schema: tens of
// milliseconds. Runs are independent, so one machine per definition serves them all.
const machines = new WeakMap<AslDefinition, StateMachine>();

function stateMachineFor(definition: AslDefinition): StateMachine {
  let machine = machines.get(definition);
  if (!machine) {
    machine = new StateMachine(interpreterDefinition(definition));
    machines.set(definition, machine);
  }
  return machine;
}

/**
 * Runs the synthesized state machine in-process with aws-local-stepfunctions, each Lambda replaced
 * by its stage. With `instantWaits`, Wait states take no time (the emulator needs none).
 */
export async function runStateMachineLocally(options: {
  local: LocalDefinition;
  input: RunState;
  deps: Deps;
  instantWaits?: boolean;
}): Promise<LocalRunOutcome> {
  const machine = stateMachineFor(options.local.definition);
  const waitTimeOverrides: Record<string, number> = {};
  if (options.instantWaits) {
    for (const [name, state] of allStates(options.local.definition)) {
      if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    }
  }
  const execution = machine.run(asJson(options.input), {
    overrides: {
      taskResourceLocalHandlers: localTaskHandlers(options.local, options.deps),
      waitTimeOverrides,
    },
  });
  const statistics = measure(execution.eventLogs);
  try {
    const output = RunState.parse(await execution.result);
    return { status: 'succeeded', output, statistics: await statistics };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'UnknownError';
    const cause =
      error instanceof Error && typeof error.cause === 'string'
        ? error.cause
        : error instanceof Error
          ? error.message
          : String(error);
    return { status: 'failed', error: { name, cause }, statistics: await statistics };
  }
}

async function measure(events: ReturnType<StateMachine['run']>['eventLogs']): Promise<ExecutionStatistics> {
  const statistics: ExecutionStatistics = { transitions: 0, largestStateBytes: 0 };
  for await (const event of events) {
    if (event.type === 'StateEntered') statistics.transitions++;
    if (event.type === 'StateEntered' || event.type === 'StateExited') {
      const sizes = [event.state.input, event.state.output].map((value) =>
        value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value)),
      );
      statistics.largestStateBytes = Math.max(statistics.largestStateBytes, ...sizes);
    }
  }
  return statistics;
}
