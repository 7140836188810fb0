import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { runtimeDiagnostic } from '../../quantconnect/compile-errors.js';
import { type BacktestSnapshot, isBacktestDone } from '../../quantconnect/port.js';
import { waitForBacktest } from '../../quantconnect/push-project.js';
import { QuantConnectNotFoundError } from '../../quantconnect/rest/errors.js';
import { parseStatistics } from '../../quantconnect/statistics.js';
import { statisticsLines } from '../../quantconnect/statistics-text.js';
import type { Diagnostic } from '../../validator/diagnostic.js';
import { DiagnosticOutput, diagnosticLines, toDiagnosticOutput } from '../diagnostic-output.js';
import { progressReporter } from '../progress.js';
import { connectForTool, type ToolQuantConnect } from '../quantconnect-access.js';
import type { McpToolContext } from '../tool-context.js';
import type { ToolExtra } from '../tool-extra.js';
import { cancellableSleep, runTool, toolError, toolResult } from '../tool-result.js';
import { Statistics } from './backtest-output.js';

export const GetBacktestInput = z.strictObject({
  projectId: z.number().int().positive().describe('The QuantConnect project id backtest returned'),
  backtestId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, { message: 'a backtest id as backtest returned it' })
    .describe('The backtest id backtest returned'),
  waitSeconds: z
    .number()
    .int()
    .min(0)
    .max(900)
    .default(0)
    .describe('Wait up to this long for a running backtest to finish (0: read it once)'),
});
export type GetBacktestInput = z.infer<typeof GetBacktestInput>;

export const GetBacktestOutput = z.object({
  projectId: z.number().int(),
  backtestId: z.string(),
  name: z.string(),
  status: z
    .enum(['Completed', 'Running', 'RuntimeError'])
    .describe('Running: ask again later; RuntimeError: diagnostics say where'),
  detail: z.string().describe("QuantConnect's own status text"),
  progress: z.number().min(0).max(1),
  url: z.string(),
  emulated: z.boolean(),
  statistics: Statistics.describe('Empty until the backtest completes'),
  diagnostics: z.array(DiagnosticOutput).describe('The runtime error at its file and line'),
});
export type GetBacktestOutput = z.infer<typeof GetBacktestOutput>;

const DESCRIPTION = [
  'Reads a QuantConnect backtest started earlier (by backtest, or on quantconnect.com): its status and',
  'progress, the statistics once it completed, a runtime error at its file and line. waitSeconds waits for a',
  'running backtest to finish, with progress notifications.',
].join(' ');

/** Registers `get_backtest`. */
export function registerGetBacktestTool(server: McpServer, context: McpToolContext): void {
  server.registerTool(
    'get_backtest',
    {
      title: 'Read a backtest',
      description: DESCRIPTION,
      inputSchema: GetBacktestInput,
      outputSchema: GetBacktestOutput,
      annotations: {
        title: 'Read a backtest',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      },
    },
    (input, extra) => runTool('get_backtest', context, () => getBacktest(input, context, extra)),
  );
}

async function getBacktest(
  input: GetBacktestInput,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<CallToolResult> {
  const quantConnect = await connectForTool(context);
  let snapshot: BacktestSnapshot;
  try {
    snapshot = await readUntilDone(input, quantConnect, context, extra);
  } catch (error) {
    if (!(error instanceof QuantConnectNotFoundError)) throw error;
    return toolError(
      `${error.message}\nCheck projectId and backtestId: pass the ones backtest returned${quantConnect.emulated ? ' (an emulated backtest lives only as long as the server that ran it)' : ''}.`,
    );
  }
  const failed = snapshot.error !== null || snapshot.stacktrace !== null;
  const diagnostics = failed ? [await projectRuntimeDiagnostic(snapshot, input.projectId, quantConnect)] : [];
  const done = isBacktestDone(snapshot);
  const output: GetBacktestOutput = {
    projectId: input.projectId,
    backtestId: input.backtestId,
    name: snapshot.name,
    status: failed ? 'RuntimeError' : done ? 'Completed' : 'Running',
    detail: snapshot.status,
    progress: Math.min(1, Math.max(0, snapshot.progress)),
    url: quantConnect.quantConnect.backtestUrl(input.projectId, input.backtestId),
    emulated: quantConnect.emulated,
    statistics: done && !failed ? parseStatistics(snapshot.statistics) : {},
    diagnostics: diagnostics.map(toDiagnosticOutput),
  };
  return toolResult(describe(output, snapshot, diagnostics), output);
}

async function readUntilDone(
  input: GetBacktestInput,
  quantConnect: ToolQuantConnect,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<BacktestSnapshot> {
  const now = context.now;
  const progress = progressReporter(extra, context.logger);
  const snapshot = await waitForBacktest(quantConnect.quantConnect, input.projectId, input.backtestId, {
    sleep: cancellableSleep(context, extra),
    now,
    deadline: now() + input.waitSeconds * 1000,
    onStatus: (status) => progress.report(status),
  });
  await progress.flush();
  return snapshot;
}

/** The runtime error at the innermost frame in one of the project's own files. */
async function projectRuntimeDiagnostic(
  snapshot: BacktestSnapshot,
  projectId: number,
  quantConnect: ToolQuantConnect,
): Promise<Diagnostic> {
  const files = await quantConnect.client.readFiles(projectId);
  return runtimeDiagnostic(snapshot, new Set(files.map((file) => file.name)));
}

function describe(output: GetBacktestOutput, snapshot: BacktestSnapshot, diagnostics: Diagnostic[]): string {
  const label = output.emulated ? ' (emulated: not market results)' : '';
  if (output.status === 'RuntimeError') {
    return `The backtest stopped with a runtime error${label}: ${output.url}\n${diagnosticLines(diagnostics)}`;
  }
  if (output.status === 'Running') {
    return `The backtest is still running ("${snapshot.status}", ${Math.round(output.progress * 100)}%)${label}: ${output.url}\nCall get_backtest again later, or with waitSeconds.`;
  }
  return [`Backtest completed${label}: ${output.url}`, ...statisticsLines(snapshot.statistics)].join('\n');
}
