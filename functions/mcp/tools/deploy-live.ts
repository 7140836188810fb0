import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  checkLiveDeployAllowed,
  deployProjectLive,
  LiveDeployBuildError,
  type ProjectLiveDeployment,
} from '../../quantconnect/deploy-live.js';
import { diagnosticLines } from '../diagnostic-output.js';
import { ProjectFiles, ProjectPath } from '../project-input.js';
import { connectForTool } from '../quantconnect-access.js';
import type { McpToolContext } from '../tool-context.js';
import type { ToolExtra } from '../tool-extra.js';
import { cancellableSleep, runTool, toolError, toolResult } from '../tool-result.js';
import { deployTarget, readDeploySource } from './deploy-live-source.js';

const Brokerage = z.union([
  z.literal('paper').describe("QuantConnect's paper brokerage: simulated fills, no real money."),
  z
    .object({
      id: z.string().min(1).describe('A QuantConnect brokerage id, e.g. InteractiveBrokersBrokerage.'),
      settings: z
        .record(z.string(), z.string())
        .default({})
        .describe("The brokerage's live/create settings (account, credentials, environment) as strings."),
    })
    .describe(
      'A real brokerage: trades real money and needs QUANTCODER_ALLOW_REAL_MONEY_DEPLOY as well as QUANTCODER_ALLOW_LIVE_DEPLOY.',
    ),
]);

/** The `deploy_live` arguments. */
export const DeployLiveInput = z.strictObject({
  files: ProjectFiles.optional(),
  path: ProjectPath.optional(),
  projectId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('An existing QuantConnect project to deploy instead of files or path.'),
  compileId: z
    .string()
    .min(1)
    .optional()
    .describe('A successful compile of projectId to deploy; the project is compiled first when unset.'),
  brokerage: Brokerage.default('paper'),
  nodeId: z
    .string()
    .min(1)
    .optional()
    .describe('The live node id or name; the first free live node when unset.'),
  confirm: z
    .boolean()
    .optional()
    .describe('Must be true: the deployment trades on its own until it is stopped on quantconnect.com.'),
});
export type DeployLiveInput = z.infer<typeof DeployLiveInput>;

/** What `deploy_live` returns when the deployment started. */
export const DeployLiveOutput = z.object({
  projectId: z.number().int(),
  compileId: z.string(),
  deployId: z.string(),
  status: z.string(),
  url: z.string(),
  brokerage: z.string(),
  nodeId: z.string(),
  emulated: z.boolean().describe('True when the local emulator took the deployment: nothing trades'),
});
export type DeployLiveOutput = z.infer<typeof DeployLiveOutput>;

const DESCRIPTION = [
  "Deploys a QuantConnect project live, on QuantConnect's paper brokerage by default.",
  'Give exactly one of files, path or projectId (with compileId to skip the compile).',
  'Refused unless the server runs with QUANTCODER_ALLOW_LIVE_DEPLOY=true and the call has confirm: true;',
  'a real brokerage also needs QUANTCODER_ALLOW_REAL_MONEY_DEPLOY=true. Needs QC_USER_ID and QC_API_TOKEN',
  'and a free live node in the QuantConnect organization (or QUANTCODER_MCP_EMULATOR=1 for the local emulator).',
].join(' ');

/** Registers `deploy_live`: guarded, confirmed live deployment of files, a folder or a project (paper by default). */
export function registerDeployLiveTool(server: McpServer, context: McpToolContext): void {
  server.registerTool(
    'deploy_live',
    {
      title: 'Deploy live (paper by default)',
      description: DESCRIPTION,
      inputSchema: DeployLiveInput,
      outputSchema: DeployLiveOutput,
      annotations: {
        title: 'Deploy live (paper by default)',
        readOnlyHint: false,
        destructiveHint: true,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (input, extra) => runTool('deploy_live', context, () => deployLive(input, context, extra)),
  );
}

async function deployLive(
  input: DeployLiveInput,
  context: McpToolContext,
  extra: ToolExtra,
): Promise<CallToolResult> {
  checkLiveDeployAllowed(context.environment, {
    confirmed: input.confirm === true,
    brokerage: input.brokerage,
  });
  const source = await readDeploySource(input);
  const { quantConnect } = await connectForTool(context);
  const now = context.now;
  const target = await deployTarget(quantConnect, source, new Date(now()));
  context.logger.info('deploying live', {
    projectId: target.projectId,
    brokerage: input.brokerage === 'paper' ? 'paper' : input.brokerage.id,
  });
  try {
    const deployment = await deployProjectLive(quantConnect, {
      projectId: target.projectId,
      ...(input.compileId === undefined ? {} : { compileId: input.compileId }),
      brokerage: input.brokerage,
      ...(input.nodeId === undefined ? {} : { nodeId: input.nodeId }),
      ...(target.fileNames === undefined ? {} : { fileNames: target.fileNames }),
      sleep: cancellableSleep(context, extra),
      now,
    });
    context.logger.info('deployed live', { projectId: deployment.projectId, deployId: deployment.deployId });
    return deployed(deployment);
  } catch (error) {
    if (error instanceof LiveDeployBuildError) {
      return toolError(`${error.message}\n${diagnosticLines(error.diagnostics)}`);
    }
    throw error;
  }
}

function deployed(deployment: ProjectLiveDeployment): CallToolResult {
  const output: DeployLiveOutput = {
    projectId: deployment.projectId,
    compileId: deployment.compileId,
    deployId: deployment.deployId,
    status: deployment.status,
    url: deployment.url,
    brokerage: deployment.brokerage,
    nodeId: deployment.nodeId,
    emulated: deployment.emulated,
  };
  const where = output.brokerage === 'paper' ? 'paper trading' : `brokerage ${output.brokerage}`;
  const emulated = output.emulated ? ' (emulated: nothing trades)' : '';
  const text = [
    `Deployed project ${output.projectId} to ${where}${emulated} on live node ${output.nodeId}: deployment ${output.deployId}, status ${output.status || 'unknown'}.`,
    `It trades until it is stopped: follow it, and stop it, at ${output.url}.`,
  ].join('\n');
  return toolResult(text, output);
}
