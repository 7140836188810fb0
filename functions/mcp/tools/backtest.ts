import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { Statistics } from '../../pipeline/run-state.js';
import { withBacktestSettings } from '../../quantconnect/backtest-project.js';
import { uniqueProjectName } from '../../quantconnect/push-project.js';
import { type BacktestRunResult, runBacktest } from '../../quantconnect/run-backtest.js';
import { statisticsLines } from '../../quantconnect/statistics-text.js';
import { validateProject } from '../../validator/validate-project.js';
import { diagnosticLines } from '../diagnostic-output.js';
import { progressReporter } from '../progress.js';
import {
  backtestSettings,
  CalendarDate,
  Cash,
  ProjectFiles,
  ProjectPath,
  readPushableProject,
} from '../project-input.js';
import { connectForTool } from '../quantconnect-access.js';
import type { McpToolContext } from '../tool-context.js';
import type { ToolExtra } from '../tool-extra.js';
import { cancellableSleep, runTool, toolError, toolResult } from '../tool-result.js';

/** Below the 60 s many clients allow a call, with room for the push and the answer. */
const DEFAULT_BACKTEST_WAIT_SECONDS = 45;
const MAX_BACKTEST_WAIT_SECONDS = 900;

export const BacktestInput = z.strictObject({
  files: ProjectFiles.optional(),
  path: ProjectPath.optional(),
  startDate: CalendarDate.optional().describe(
    "Start date (YYYY-MM-DD), written into the pushed main.py's set_start_date",
  ),
  endDate: CalendarDate.optional().describe(
    "End date (YYYY-MM-DD), written into the pushed main.py's set_end_date",
  ),
  cash: Cash.optional().describe("Starting cash, written into the pushed main.py's set_cash"),
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}$/, { message: 'letters, digits, spaces, _ . and -, up to 60' })
    .optional()
    .describe('Name of the new QuantConnect project (a time stamp is added; names are unique per account)'),
  waitSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_BACKTEST_WAIT_SECONDS)
    .default(DEFAULT_BACKTEST_WAIT_SECONDS)
    .describe(
      'How long to wait for the compile and the backtest before answering; a backtest still running then keeps running, and get_backtest reads it later',
    ),
  skipValidation: z
    .boolean()
    .default(false)
    .describe('Push even when the static checks find errors (QuantConnect then reports its own)'),
});
export type BacktestInput = z.infer<typeof BacktestInput>;

export const BacktestOutput = z.object({
  status: z
    .enum(['Completed', 'Running'])
    .describe('Running: the wait ran out first; call get_backtest with projectId and backtestId'),
  projectId: z.number().int(),
  compileId: z.string(),
  backtestId: z.string(),
  url: z.string().describe("The backtest's page"),
  emulated: z.boolean().describe('True when the local emulator ran it: not market results'),
  statistics: Statistics.describe(
    'QuantConnect\'s statistics, numbers parsed ("Drawdown": 12.5 for "12.500%")',
  ),
  detail: z.string().describe("QuantConnect's status text when last read"),
  settingsChanges: z
    .array(z.string())
    .describe('Calls written into the pushed main.py for the dates and cash'),
});
export type BacktestOutput = z.infer<typeof BacktestOutput>;

const DESCRIPTION = [
  'Backtests a QuantConnect (LEAN, Python) project: pushes the files (or a project folder) to a new QuantConnect',
  'project, compiles, backtests and returns the statistics and links. startDate, endDate and cash are written',
  'into the pushed main.py (your files are not changed). Progress notifications are sent while it waits. If',
  'the backtest is not done within waitSeconds the answer says Running with projectId and backtestId: call',
  'get_backtest with them. Needs QC_USER_ID and QC_API_TOKEN (or QUANTCODER_MCP_EMULATOR=1 for the local emulator).',
].join(' ');

/** Registers `backtest`. */
export function registerBacktestTool(server: McpServer, context: McpToolContext): void {
  server.registerTool(
    'backtest',
    {
      title: 'Backtest on QuantConnect',
      description: DESCRIPTION,
      inputSchema: BacktestInput,
      outputSchema: BacktestOutput,
      annotations: {
        title: 'Backtest on QuantConnect',
        // Each call creates a new project and backtest; nothing existing is changed.
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (input, extra) => runTool('backtest', context, () => backtest(input, context, extra)),
  );
}

async function backtest(
  input: BacktestInput,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<CallToolResult> {
  const { files, label } = await readPushableProject(input);
  const { files: pushed, changes } = withBacktestSettings(files, backtestSettings(input));
  const settingsChanges = changes.map((change) => `main.py:${change.line} ${change.action} ${change.call}`);
  if (!input.skipValidation) {
    const errors = validateProject(pushed).filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) {
      return toolError(
        `${diagnosticLines(errors)}\nThe project has ${errors.length} static error${errors.length === 1 ? '' : 's'} and was not pushed: fix them (validate_code lists them all), or pass skipValidation: true to let QuantConnect compile it anyway.`,
      );
    }
  }
  const quantConnect = await connectForTool(context);
  const now = context.now;
  const progress = progressReporter(extra, context.logger);
  const projectName = uniqueProjectName(input.name ?? label, new Date(now()));
  const result = await runBacktest({
    quantConnect: quantConnect.quantConnect,
    files: pushed,
    projectName,
    backtestName: input.name ?? label,
    sleep: cancellableSleep(context, extra),
    now,
    timeoutMs: input.waitSeconds * 1000,
    onProgress: (line) => progress.report(line),
  }).finally(() => progress.flush());
  return answer(result, input.waitSeconds, settingsChanges);
}

function answer(result: BacktestRunResult, waitSeconds: number, settingsChanges: string[]): CallToolResult {
  const where = `project ${result.projectId}${result.emulated ? ', emulated' : ''}: ${result.url}`;
  if (result.status === 'BuildError') {
    return toolError(
      `QuantConnect could not compile the project (${where}):\n${diagnosticLines(result.diagnostics)}\nFix these lines and call backtest again.`,
    );
  }
  if (result.status === 'RuntimeError') {
    return toolError(
      `The backtest stopped with a runtime error (${where}):\n${diagnosticLines(result.diagnostics)}\nFix it and call backtest again.`,
    );
  }
  if (result.backtestId === null) {
    return toolError(
      `QuantConnect had not compiled the project after ${waitSeconds} s (${where}); call backtest again, with a larger waitSeconds.`,
    );
  }
  const output: BacktestOutput = {
    status: result.status === 'Completed' ? 'Completed' : 'Running',
    projectId: result.projectId,
    compileId: result.compileId,
    backtestId: result.backtestId,
    url: result.url,
    emulated: result.emulated,
    statistics: result.statistics,
    detail: result.detail,
    settingsChanges,
  };
  const label = result.emulated ? ' (emulated: not market results)' : '';
  const lines =
    output.status === 'Completed'
      ? [`Backtest completed${label}: ${result.url}`, ...statisticsLines(result.rawStatistics)]
      : [
          `The backtest is still running after ${waitSeconds} s ("${result.detail}")${label}: ${result.url}`,
          `It keeps running on QuantConnect: call get_backtest with projectId ${result.projectId} and backtestId "${result.backtestId}" to read it.`,
        ];
  return toolResult([...settingsChanges, ...lines].join('\n'), output);
}
