import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SourceFile } from '../../functions/agents/tasks.js';
import type { ModelRouter } from '../../functions/llm/model.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import {
  type GenerateOptions,
  type GenerateResult,
  generateLocally,
} from '../../functions/local/generate.js';
import type { LocalDefinition } from '../../functions/local/local-runner.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import type { QuantConnect } from '../../functions/quantconnect/port.js';
import { validateProject } from '../../functions/validator/index.js';

const run = promisify(execFile);

/** Runs an idea through the local state machine with the offline model (or `models`) and the emulator. */
export async function runIdea(
  local: LocalDefinition,
  idea: string,
  options: Partial<
    Pick<GenerateOptions, 'limits' | 'notifier' | 'outDir' | 'refines' | 'followUp' | 'slack' | 'backtest'>
  > & {
    models?: ModelRouter;
    quantConnect?: QuantConnect;
  } = {},
): Promise<GenerateResult> {
  const offline = createOfflineModel();
  return generateLocally({
    idea,
    outDir: options.outDir ?? (await mkdtemp(join(tmpdir(), 'quantcoder-e2e-'))),
    models: options.models ?? (() => offline),
    quantConnect:
      options.quantConnect ?? createInProcessEmulator({ compileCheck: (files) => validateProject(files) }),
    local,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.notifier ? { notifier: options.notifier } : {}),
    ...(options.refines ? { refines: options.refines } : {}),
    ...(options.followUp ? { followUp: options.followUp } : {}),
    ...(options.slack ? { slack: options.slack } : {}),
    ...(options.backtest ? { backtest: options.backtest } : {}),
  });
}

/** The files of a run's project folder. */
export async function readProject(runDir: string): Promise<SourceFile[]> {
  const folder = join(runDir, 'project');
  const names = (await readdir(folder)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(folder, name), 'utf8') })),
  );
}

/** Byte-compiles every .py file with the real Python; the bytecode goes to a temporary prefix, not the project. */
export async function pyCompile(runDir: string): Promise<void> {
  const folder = join(runDir, 'project');
  const files = (await readdir(folder))
    .filter((name) => name.endsWith('.py'))
    .map((name) => join(folder, name));
  const cache = await mkdtemp(join(tmpdir(), 'quantcoder-pycache-'));
  await run('python3', ['-m', 'py_compile', ...files], {
    env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
  });
}
