import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunReport } from '../../pipeline/run-report.js';
import type { RunRequest } from '../../pipeline/run-state.js';
import { optionalEnvironment } from '../../shared/environment.js';
import type { Notifier } from '../../shared/notifier.js';
import type { ProgressReporter } from '../progress.js';
import { connectForRun } from '../quantconnect-access.js';
import type { McpToolContext } from '../tool-context.js';
import type { GeneratedFile } from './generation-output.js';

/** Where local runs go unless QUANTCODER_MCP_OUT_DIR says otherwise. */
export const OUT_DIR_SETTING = 'QUANTCODER_MCP_OUT_DIR';

/** A finished local run: its report and, when it succeeded, its files as written. */
export interface LocalGeneration {
  report: RunReport;
  files: GeneratedFile[];
}

/**
 * Runs the pipeline on this machine as `quantcoder generate` does: vendor models when keys are set (else the
 * offline model), the server's QuantConnect (its shared emulator with QUANTCODER_MCP_EMULATOR, the account of
 * QC_USER_ID and QC_API_TOKEN when set, else an emulator of the run's own), each stage
 * reported as progress. The run's folder is under QUANTCODER_MCP_OUT_DIR (default ~/quantcoder-runs): an MCP
 * client may start the server anywhere, even in a folder it cannot write.
 */
export async function generateOnThisMachine(
  request: { idea: string; backtest?: RunRequest['backtest'] },
  context: McpToolContext,
  progress: ProgressReporter,
): Promise<LocalGeneration> {
  // The CDK synth and the local runner load only when a run is asked for: the server starts fast without them.
  const { createLocalEnvironment } = await import('../../local/local-environment.js');
  const { generateLocally } = await import('../../local/generate.js');
  const quantConnect = await connectForRun(context);
  const environment = await createLocalEnvironment(context.environment, {
    logger: context.logger,
    ...(quantConnect ? { quantConnect } : {}),
  });
  for (const line of environment.describe()) progress.report(line);
  const result = await generateLocally({
    idea: request.idea,
    outDir: localOutDir(context.environment),
    models: environment.models,
    quantConnect: environment.quantConnect,
    local: environment.local,
    notifier: progressNotifier(progress),
    logger: context.logger,
    source: 'mcp',
    ...(environment.budget ? { budget: environment.budget } : {}),
    ...(request.backtest ? { backtest: request.backtest } : {}),
  }).finally(() => environment.close());
  const project = result.report.locations.project;
  if (result.report.status !== 'succeeded') return { report: result.report, files: [] };
  const files = await Promise.all(
    result.report.files.map(async (file) => ({
      name: file.name,
      owner: file.owner,
      content: await readFile(join(project, file.name), 'utf8'),
    })),
  );
  return { report: result.report, files };
}

/** The folder local runs are written under. */
function localOutDir(environment: NodeJS.ProcessEnv): string {
  return resolve(optionalEnvironment(OUT_DIR_SETTING, environment) ?? join(homedir(), 'quantcoder-runs'));
}

/** The pipeline's progress events as MCP progress: one step per stage started and finished. */
function progressNotifier(progress: ProgressReporter): Notifier {
  return {
    async notify(_state, event) {
      if (event.type === 'stage') {
        progress.report(`${event.stage} ${event.status}${event.detail ? `: ${event.detail}` : ''}`);
      } else {
        progress.report(`run ${event.status}: ${event.summary}`);
      }
    },
  };
}
