import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../../functions/llm/offline-model.js';
import type { Deps } from '../../../functions/pipeline/deps.js';
import { RunState } from '../../../functions/pipeline/run-state.js';
import type { StageId } from '../../../functions/pipeline/stage-ids.js';
import { runStage } from '../../../functions/pipeline/stage-runner.js';
import { STAGES } from '../../../functions/pipeline/stages/index.js';
import { validateStage } from '../../../functions/pipeline/stages/validate.js';
import { createInProcessEmulator } from '../../../functions/quantconnect/emulator/in-process-emulator.js';
import type { QuantConnect } from '../../../functions/quantconnect/port.js';
import { STAGE_COMPILE_TIMEOUT_MS } from '../../../functions/quantconnect/push-project.js';
import { createDiskArtifactStore } from '../../../functions/shared/disk-artifact-store.js';
import { TransientError } from '../../../functions/shared/errors.js';
import { silentLogger } from '../../../functions/shared/logger.js';
import { silentNotifier } from '../../../functions/shared/notifier.js';
import { virtualTime } from '../../quantconnect/emulator/emulator-fixture.js';
import { freshState } from '../run-state-fixtures.js';

/** The virtual clock as Deps takes it: sleeps move it, `now` gives a Date. */
function virtualClock() {
  const time = virtualTime(Date.parse('2026-01-02T00:00:00Z'));
  return { sleeps: time.sleeps, sleep: time.sleep, now: () => new Date(time.now()) };
}

async function offlineDeps(
  quantConnect: QuantConnect,
  clock: Pick<Deps, 'now' | 'sleep'> = virtualClock(),
): Promise<Deps> {
  const offline = createOfflineModel();
  return {
    models: () => offline,
    store: createDiskArtifactStore(await mkdtemp(join(tmpdir(), 'quantcoder-validate-'))),
    quantConnect,
    notifier: silentNotifier,
    logger: silentLogger,
    now: clock.now,
    sleep: clock.sleep,
  };
}

/** The state the validate stage receives: a plan and the files every writer wrote, by the offline model. */
async function writtenProject(deps: Deps): Promise<RunState> {
  const planned = RunState.parse(await runStage('plan', STAGES.plan, freshState(), deps));
  const writers: StageId[] = ['universe', 'alpha', 'risk', 'strategy'];
  if (planned.plan?.customPortfolio) writers.push('portfolio');
  const branches = await Promise.all(writers.map((id) => runStage(id, STAGES[id], planned, deps)));
  return RunState.parse(await runStage('integrate', STAGES.integrate, { ...planned, branches }, deps));
}

/** The emulator, except that every compile stays in the queue. */
function queuedForever(): QuantConnect & { compileReads: () => number } {
  const emulator = createInProcessEmulator({ compileCheck: () => [] });
  let reads = 0;
  return {
    ...emulator,
    createCompile: async (projectId) => ({ ...(await emulator.createCompile(projectId)), state: 'InQueue' }),
    readCompile: async (projectId, compileId) => {
      reads++;
      return { ...(await emulator.readCompile(projectId, compileId)), state: 'InQueue' };
    },
    compileReads: () => reads,
  };
}

describe('validateStage', () => {
  it('gives a compile still queued after the stage compile timeout back to Step Functions as a TransientError', async () => {
    // Prepare
    const quantConnect = queuedForever();
    const clock = virtualClock();
    const deps = await offlineDeps(quantConnect, clock);
    const state = await writtenProject(deps);
    const started = clock.now().getTime();

    // Act
    const validated = validateStage.run(state, deps);

    // Assess
    await expect(validated).rejects.toBeInstanceOf(TransientError);
    await expect(validated).rejects.toThrow(/still queued after 60 seconds/);
    const waited = clock.now().getTime() - started;
    expect(waited).toBeGreaterThanOrEqual(STAGE_COMPILE_TIMEOUT_MS);
    expect(waited).toBeLessThan(STAGE_COMPILE_TIMEOUT_MS + 10_001);
    expect(quantConnect.compileReads()).toBe(clock.sleeps.length);
  });

  it('passes a project that compiles, and records the compile on the state', async () => {
    // Prepare
    const deps = await offlineDeps(createInProcessEmulator({ compileCheck: () => [], readsUntilDone: 3 }));
    const state = await writtenProject(deps);

    // Act
    const patch = await validateStage.run(state, deps);

    // Assess
    expect(patch.validation).toMatchObject({ ok: true, phase: 'initialize' });
    expect(patch.quantConnect?.compileId).toMatch(/-/);
  });
});
