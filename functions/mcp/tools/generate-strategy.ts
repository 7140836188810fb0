import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { RunReport } from '../../pipeline/run-report.js';
import type { RunRequest } from '../../pipeline/run-state.js';
import { optionalEnvironment } from '../../shared/environment.js';
import {
  failedText,
  type GeneratedFile,
  GenerateStrategyOutput,
  succeededOutput,
  succeededText,
} from '../generation/generation-output.js';
import { generateOnThisMachine } from '../generation/local-generation.js';
import { progressReporter } from '../progress.js';
import { CalendarDate, Cash, checkBacktestPeriod } from '../project-input.js';
import type { McpToolContext } from '../tool-context.js';
import type { ToolExtra } from '../tool-extra.js';
import { cancellableSleep, runTool, toolError, toolResult } from '../tool-result.js';

export const GenerateStrategyInput = z.strictObject({
  idea: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .describe(
      'The trading idea in plain English, e.g. "Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance, 10% trailing stop"',
    ),
  startDate: CalendarDate.optional().describe('Backtest start (YYYY-MM-DD); default: six years back'),
  endDate: CalendarDate.optional().describe('Backtest end (YYYY-MM-DD); default: the end of last year'),
  cash: Cash.optional().describe('Starting cash; default 100000'),
  waitSeconds: z
    .number()
    .int()
    .min(10)
    .max(3600)
    .default(900)
    .describe(
      'Deployed runs only (STATE_MACHINE_ARN): how long to wait before answering with where the run will write its report',
    ),
});
export type GenerateStrategyInput = z.infer<typeof GenerateStrategyInput>;

const DESCRIPTION = [
  'Turns a trading idea into a multi-file QuantConnect (LEAN, Python) project through the QuantCoder pipeline:',
  'plan, one agent per file (universe, alpha, portfolio, risk, main.py), static checks and QuantConnect',
  "compile with repairs, a backtest and a report. Returns the files' contents, the validation result, the",
  'backtest statistics, the model cost and where the files are. Runs on this machine (the offline model and',
  'the QuantConnect emulator when no keys are set, so results are then labelled emulated), or on the deployed',
  'state machine when the server has STATE_MACHINE_ARN. Takes seconds offline, minutes with vendor models;',
  'progress notifications name each stage.',
].join(' ');

/** Registers `generate_strategy`. */
export function registerGenerateStrategyTool(server: McpServer, context: McpToolContext): void {
  server.registerTool(
    'generate_strategy',
    {
      title: 'Generate a QuantConnect strategy',
      description: DESCRIPTION,
      inputSchema: GenerateStrategyInput,
      outputSchema: GenerateStrategyOutput,
      annotations: {
        title: 'Generate a QuantConnect strategy',
        // Writes a new run folder and a new QuantConnect project each time; calls model vendors.
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (input, extra) => runTool('generate_strategy', context, () => generateStrategy(input, context, extra)),
  );
}

async function generateStrategy(
  input: GenerateStrategyInput,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<CallToolResult> {
  checkBacktestPeriod(input);
  const { startDate, endDate, cash } = input;
  const backtest: RunRequest['backtest'] = {
    ...(startDate !== undefined ? { startDate } : {}),
    ...(endDate !== undefined ? { endDate } : {}),
    ...(cash !== undefined ? { cash } : {}),
  };
  const request = { idea: input.idea, ...(Object.keys(backtest).length > 0 ? { backtest } : {}) };
  const progress = progressReporter(extra, context.logger);
  try {
    const stateMachineArn = optionalEnvironment('STATE_MACHINE_ARN', context.environment);
    if (stateMachineArn === undefined) {
      const run = await generateOnThisMachine(request, context, progress);
      return finished(run.report, run.files, { mode: 'local' });
    }
    // The AWS SDK and the S3 store load only for a deployed run: the server starts without them.
    const { generateOnAws } = await import('../generation/deployed-generation.js');
    const run = await generateOnAws(request, context, progress, {
      stateMachineArn,
      waitSeconds: input.waitSeconds,
      sleep: cancellableSleep(context, extra),
    });
    if (run.status === 'finished') {
      return finished(run.report, run.files, { mode: 'deployed', executionArn: run.executionArn });
    }
    const output: GenerateStrategyOutput = {
      status: 'running',
      runId: run.runId,
      mode: 'deployed',
      executionArn: run.executionArn,
      files: [],
      location: { project: run.project, report: run.report },
    };
    return toolResult(
      `Run ${run.runId} is still going after ${input.waitSeconds} s on the deployed state machine (execution ${run.executionArn}). Its files will be in ${run.project} and its report in ${run.report}.`,
      output,
    );
  } finally {
    await progress.flush();
  }
}

function finished(
  report: RunReport,
  files: GeneratedFile[],
  run: { mode: 'local' | 'deployed'; executionArn?: string },
): CallToolResult {
  if (report.status !== 'succeeded') return toolError(failedText(report));
  const output = succeededOutput(report, files, run);
  return toolResult(succeededText(output, report), output);
}
