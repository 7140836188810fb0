import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Failure } from '../../functions/pipeline/run-state.js';
import { AGENT_STAGES, BRANCH_STAGES, STAGE_IDS } from '../../functions/pipeline/stage-ids.js';
import { allStates } from '../../lib/definition.js';
import {
  FAILED_ERROR,
  FAILED_STATE_NAME,
  FAILURE_STATE_NAME,
  PARALLEL_STATE_NAME,
  TASK_STATE_NAMES,
  taskTimeoutSeconds,
} from '../../lib/pipeline.js';
import { choiceRules, deepKeys, findCycle, isBoundedGuard, state } from './asl-graph.js';
import { resolvedPipeline } from './stack-fixture.js';

const Retrier = z.object({
  ErrorEquals: z.array(z.string()),
  IntervalSeconds: z.number().positive(),
  MaxAttempts: z.number().int().positive(),
  BackoffRate: z.number(),
  MaxDelaySeconds: z.number().optional(),
  JitterStrategy: z.string().optional(),
});
describe('pipeline definition', () => {
  it('is valid Amazon States Language according to asl-validator', () => {
    // Prepare
    const { definition } = resolvedPipeline();

    // Act
    const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });

    // Assess
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('runs each stage in exactly one Task state, named as the local runner expects', () => {
    // Act
    const { stageByState } = resolvedPipeline();

    // Assess
    expect(Object.entries(stageByState).sort()).toEqual(
      STAGE_IDS.map((stage) => [TASK_STATE_NAMES[stage], stage]).sort(),
    );
  });

  it('plans, writes the components in one Parallel, then integrates and validates', () => {
    // Prepare
    const { definition, stageByState } = resolvedPipeline();
    const parallel = state(definition, PARALLEL_STATE_NAME);

    // Act
    const branches = z.array(
      z.looseObject({ StartAt: z.string(), States: z.record(z.string(), z.unknown()) }),
    );
    const branchStates = branches.parse(parallel.Branches).map((branch) => Object.keys(branch.States));
    const branchStages = branchStates.flat().flatMap((name) => stageByState[name] ?? []);

    // Assess
    expect(definition.StartAt).toBe('StartingPoint');
    expect(state(definition, 'StartingPoint').Default).toBe('Plan');
    expect(state(definition, 'Plan').Next).toBe(PARALLEL_STATE_NAME);
    expect(parallel.Type).toBe('Parallel');
    expect(parallel.ResultPath).toBe('$.branches');
    expect(parallel.Next).toBe('Integrate');
    expect(new Set(branchStages)).toEqual(new Set(BRANCH_STAGES));
    expect(branchStates).toContainEqual(
      expect.arrayContaining(['NeedsPortfolio', 'WritePortfolio', 'UseBuiltInPortfolio']),
    );
    expect(state(definition, 'Integrate').Next).toBe('Validate');
    expect(state(definition, 'Validate').Next).toBe('ValidationPassed');
  });

  it('writes a custom portfolio only when the plan asks, and otherwise hands back an empty BranchPatch', () => {
    // Prepare
    const { definition } = resolvedPipeline();

    // Act
    const needsPortfolio = state(definition, 'NeedsPortfolio');
    const builtIn = state(definition, 'UseBuiltInPortfolio');

    // Assess
    expect(choiceRules(needsPortfolio)).toEqual([
      { Variable: '$.plan.customPortfolio', BooleanEquals: true, Next: 'WritePortfolio' },
    ]);
    expect(needsPortfolio.Default).toBe('UseBuiltInPortfolio');
    expect(builtIn).toMatchObject({ Type: 'Pass', Result: { files: [], usage: [], timings: [] }, End: true });
  });

  it('goes from a passing validation through the backtest loop to Package, Report and success', () => {
    // Prepare
    const { definition } = resolvedPipeline();

    // Act
    const validationPassed = choiceRules(state(definition, 'ValidationPassed'));
    const backtestFinished = choiceRules(state(definition, 'BacktestFinished'));
    const resultAccepted = choiceRules(state(definition, 'ResultAccepted'));

    // Assess
    expect(validationPassed[0]).toEqual({
      Variable: '$.validation.ok',
      BooleanEquals: true,
      Next: 'StartBacktest',
    });
    expect(state(definition, 'StartBacktest').Next).toBe('WaitForBacktest');
    expect(state(definition, 'WaitForBacktest')).toMatchObject({
      Type: 'Wait',
      SecondsPath: '$.backtest.waitSeconds',
      Next: 'PollBacktest',
    });
    expect(state(definition, 'PollBacktest').Next).toBe('BacktestFinished');
    expect(backtestFinished[0]).toEqual({
      Variable: '$.backtest.done',
      BooleanEquals: true,
      Next: 'CheckResult',
    });
    expect(state(definition, 'CheckResult').Next).toBe('ResultAccepted');
    expect(resultAccepted[0]).toEqual({ Variable: '$.result.verdict', StringEquals: 'ok', Next: 'Package' });
    expect(state(definition, 'Package').Next).toBe('Report');
    expect(state(definition, 'Report').Next).toBe('Succeeded');
    expect(state(definition, 'Succeeded').Type).toBe('Succeed');
  });

  it('bounds the refine and poll loops by a counter below a limit from the run state', () => {
    // Prepare
    const { definition } = resolvedPipeline();
    const refineGuard = {
      Variable: '$.attempts.refine',
      NumericLessThanPath: '$.limits.maxRefineAttempts',
      Next: 'Refine',
    };

    // Act
    const validationPassed = choiceRules(state(definition, 'ValidationPassed'));
    const resultAccepted = choiceRules(state(definition, 'ResultAccepted'));
    const backtestFinished = choiceRules(state(definition, 'BacktestFinished'));

    // Assess
    expect(validationPassed[1]).toEqual(refineGuard);
    expect(resultAccepted[1]).toEqual(refineGuard);
    expect(state(definition, 'Refine').Next).toBe('Validate');
    expect(backtestFinished[1]).toEqual({
      Variable: '$.backtest.polls',
      NumericLessThanPath: '$.limits.maxPolls',
      Next: 'WaitForBacktest',
    });
  });

  it('has no loop that a counter-below-limit guard does not cut', () => {
    // Prepare
    const { definition } = resolvedPipeline();

    // Act
    const withEveryEdge = findCycle(definition.States, () => true);
    const withoutBoundedEdges = findCycle(definition.States, (guard) => !isBoundedGuard(guard));

    // Assess
    expect(withEveryEdge).toBeDefined();
    expect(withoutBoundedEdges).toBeUndefined();
  });

  it('leaves a Failure in $.failure and reports it when a loop runs out', () => {
    // Prepare
    const { definition } = resolvedPipeline();
    const exits = {
      ValidationPassed: ['ValidationExhausted', 'validation_failed'],
      BacktestFinished: ['BacktestTimedOut', 'backtest_timeout'],
      ResultAccepted: ['ResultRejected', 'backtest_rejected'],
    } as const;

    // Act
    const outcomes = Object.entries(exits).map(([choice, [pass, reason]]) => {
      const exhausted = state(definition, pass);
      return {
        fromChoice: state(definition, choice).Default === pass,
        type: exhausted.Type,
        resultPath: exhausted.ResultPath,
        next: exhausted.Next,
        failure: Failure.parse(exhausted.Result),
        reason,
      };
    });

    // Assess
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        fromChoice: true,
        type: 'Pass',
        resultPath: '$.failure',
        next: FAILURE_STATE_NAME,
        failure: { reason: outcome.reason },
      });
      expect(outcome.failure.message.length).toBeGreaterThan(0);
    }
  });

  it('sends a follow-up on an earlier run past the writers: new dates to Validate, a paper deploy to Report', () => {
    // Prepare
    const { definition } = resolvedPipeline();
    const choice = z.looseObject({
      Choices: z.array(z.looseObject({ Next: z.string() })),
      Default: z.string(),
    });

    // Act
    const starting = choice.parse(state(definition, 'StartingPoint'));
    const kind = choice.parse(state(definition, 'FollowUpKind'));

    // Assess
    expect(starting.Choices).toEqual([
      { Variable: '$.request.followUp', IsPresent: true, Next: 'FollowUpKind' },
    ]);
    expect(starting.Default).toBe('Plan');
    expect(kind.Choices).toEqual([
      { Variable: '$.request.followUp.kind', StringEquals: 'backtest', Next: 'ReuseProject' },
      { Variable: '$.request.followUp.kind', StringEquals: 'deploy', Next: 'DeployPaper' },
    ]);
    expect(kind.Default).toBe('Plan');
    expect(state(definition, 'ReuseProject').Next).toBe('Validate');
    expect(state(definition, 'DeployPaper').Next).toBe('Report');
    expect(state(definition, 'ReuseProject').Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ReportFailure' },
    ]);
  });

  it('gives every Task a TimeoutSeconds, longer for agents, and a bounded, jittered Retry on TransientError', () => {
    // Prepare
    const { definition, stageByState } = resolvedPipeline();

    // Act
    const tasks = allStates(definition).filter(([, candidate]) => candidate.Type === 'Task');

    // Assess
    expect(tasks).toHaveLength(STAGE_IDS.length);
    for (const [name, task] of tasks) {
      const stage = stageByState[name];
      if (!stage) throw new Error(`${name} runs no stage`);
      expect(task.TimeoutSeconds, name).toBe(taskTimeoutSeconds(stage));
      expect(task.TimeoutSeconds, name).toSatisfy((seconds: number) =>
        AGENT_STAGES.has(stage) ? seconds >= 300 : seconds <= 120,
      );
      const retriers = z.array(Retrier).parse(task.Retry);
      const transient = retriers.find((retrier) => retrier.ErrorEquals.includes('TransientError'));
      expect(transient, name).toMatchObject({ JitterStrategy: 'FULL' });
      expect(transient?.BackoffRate, name).toBeGreaterThan(1);
      expect(
        retriers.some((retrier) => retrier.ErrorEquals.includes('Lambda.ServiceException')),
        name,
      ).toBe(true);
      expect(
        retriers.every((retrier) => retrier.MaxAttempts <= 6),
        name,
      ).toBe(true);
    }
  });

  it('catches every error of the top-level Tasks and the Parallel into ReportFailure, which ends in RunFailed', () => {
    // Prepare
    const { definition } = resolvedPipeline();
    const catchAll = (next: string) => [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: next }];

    // Act
    const catching = Object.entries(definition.States).filter(
      ([, candidate]) => candidate.Type === 'Task' || candidate.Type === 'Parallel',
    );

    // Assess
    for (const [name, catcher] of catching) {
      expect(catcher.Catch, name).toEqual(
        catchAll(name === FAILURE_STATE_NAME ? FAILED_STATE_NAME : FAILURE_STATE_NAME),
      );
    }
    expect(state(definition, FAILURE_STATE_NAME).Next).toBe(FAILED_STATE_NAME);
    expect(state(definition, FAILED_STATE_NAME)).toMatchObject({ Type: 'Fail', Error: FAILED_ERROR });
    expect(String(state(definition, FAILED_STATE_NAME).Cause)).toContain('report.json');
  });

  it('leaves branch Tasks without a Catch, so a failing branch fails the Parallel', () => {
    // Prepare
    const { definition } = resolvedPipeline();
    const topLevel = new Set(Object.keys(definition.States));

    // Act
    const nested = allStates(definition).filter(([name]) => !topLevel.has(name));

    // Assess
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.filter(([, nestedState]) => nestedState.Catch !== undefined)).toEqual([]);
  });

  it('uses JSONPath only: no JSONata, QueryLanguage, Assign, Arguments or Output, and no Pass without a Result', () => {
    // Prepare
    const { definition } = resolvedPipeline();

    // Act
    const keys = new Set(deepKeys(definition));
    const passes = allStates(definition).filter(([, candidate]) => candidate.Type === 'Pass');

    // Assess
    for (const forbidden of ['QueryLanguage', 'Assign', 'Arguments', 'Output'])
      expect(keys.has(forbidden)).toBe(false);
    expect(JSON.stringify(definition)).not.toContain('{%');
    expect(passes.length).toBeGreaterThan(0);
    for (const [name, pass] of passes) expect(Boolean(pass.Result), name).toBe(true);
  });

  it('bounds the whole run by the six-hour execution timeout', () => {
    // Act
    const { definition } = resolvedPipeline();

    // Assess
    expect(definition.TimeoutSeconds).toBe(6 * 3600);
  });
});
