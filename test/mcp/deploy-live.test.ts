import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createMcpToolContext } from '../../functions/mcp/create-tool-context.js';
import type { McpToolContext } from '../../functions/mcp/tool-context.js';
import { DeployLiveOutput, registerDeployLiveTool } from '../../functions/mcp/tools/deploy-live.js';
import {
  type QuantConnectEmulator,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { pushProject } from '../../functions/quantconnect/push-project.js';
import { createRestQuantConnect } from '../../functions/quantconnect/rest/rest-quantconnect.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { validateProject } from '../../functions/validator/index.js';
import { ALPHA_PY, tradingMain } from '../quantconnect/emulator/emulator-fixture.js';

const FILES = { 'main.py': tradingMain(), 'alpha.py': ALPHA_PY };
const ALLOWED = { QUANTCODER_ALLOW_LIVE_DEPLOY: 'true' };
const REAL_BROKERAGE = { id: 'InteractiveBrokersBrokerage', settings: { 'ib-account': 'DU123' } };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function startEmulator(): Promise<QuantConnectEmulator> {
  const emulator = await startQuantConnectEmulator({
    compileCheck: (files) => validateProject(files),
    readsUntilDone: 1,
  });
  cleanups.push(() => emulator.close());
  return emulator;
}

function credentials(emulator: QuantConnectEmulator): NodeJS.ProcessEnv {
  return { QC_USER_ID: emulator.userId, QC_API_TOKEN: emulator.apiToken, QC_API_URL: emulator.url };
}

/** The server's own tool context over these settings, with waits that take no time. */
function toolContext(environment: NodeJS.ProcessEnv): McpToolContext {
  const handle = createMcpToolContext(environment, silentLogger);
  cleanups.push(() => handle.close());
  return { ...handle.context, sleep: async () => {} };
}

/** An MCP client connected in memory to a server that has only deploy_live. */
async function connect(environment: NodeJS.ProcessEnv): Promise<Client> {
  const server = new McpServer({ name: 'deploy-live-test', version: '0.0.0' });
  registerDeployLiveTool(server, toolContext(environment));
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'deploy-live-test-client', version: '0.0.0' });
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  cleanups.push(async () => {
    await client.close();
    await server.close();
  });
  return client;
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const content = Array.isArray(result.content) ? result.content : [];
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

describe('deploy_live over an in-memory MCP transport', () => {
  it('is listed as destructive, not idempotent, open-world, with its input and output schemas', async () => {
    // Prepare
    const client = await connect({});

    // Act
    const { tools } = await client.listTools();

    // Assess
    const tool = tools.find((candidate) => candidate.name === 'deploy_live');
    expect(tool?.annotations).toMatchObject({
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: true,
      readOnlyHint: false,
    });
    expect(Object.keys(tool?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['files', 'path', 'projectId', 'compileId', 'brokerage', 'nodeId', 'confirm']),
    );
    expect(tool?.outputSchema?.required).toEqual(
      expect.arrayContaining(['deployId', 'status', 'url', 'brokerage']),
    );
  });

  it('refuses while QUANTCODER_ALLOW_LIVE_DEPLOY is off, before touching QuantConnect', async () => {
    // Prepare
    const emulator = await startEmulator();
    const client = await connect(credentials(emulator));

    // Act
    const result = await client.callTool({ name: 'deploy_live', arguments: { files: FILES, confirm: true } });

    // Assess
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('QUANTCODER_ALLOW_LIVE_DEPLOY');
    expect(emulator.totalRequests).toBe(0);
  });

  it('asks for confirm: true when the call does not confirm', async () => {
    // Prepare
    const emulator = await startEmulator();
    const client = await connect({ ...credentials(emulator), ...ALLOWED });

    // Act
    const result = await client.callTool({ name: 'deploy_live', arguments: { files: FILES } });

    // Assess
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('confirm: true');
    expect(emulator.totalRequests).toBe(0);
  });

  it('refuses a real brokerage without QUANTCODER_ALLOW_REAL_MONEY_DEPLOY, naming it', async () => {
    // Prepare
    const emulator = await startEmulator();
    const client = await connect({ ...credentials(emulator), ...ALLOWED });

    // Act
    const result = await client.callTool({
      name: 'deploy_live',
      arguments: { files: FILES, brokerage: REAL_BROKERAGE, confirm: true },
    });

    // Assess
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('QUANTCODER_ALLOW_REAL_MONEY_DEPLOY');
    expect(emulator.totalRequests).toBe(0);
  });

  it('deploys files to paper trading when allowed and confirmed; the emulator holds the deployment', async () => {
    // Prepare
    const emulator = await startEmulator();
    const environment = { ...credentials(emulator), ...ALLOWED };
    const client = await connect(environment);

    // Act
    const result = await client.callTool({ name: 'deploy_live', arguments: { files: FILES, confirm: true } });

    // Assess
    expect(result.isError).toBeFalsy();
    const output = DeployLiveOutput.parse(result.structuredContent);
    expect(output).toMatchObject({ brokerage: 'paper', emulated: false });
    expect(output.deployId).toMatch(/^L-[0-9a-f]{32}$/);
    expect(output.url).toMatch(new RegExp(`/project/${output.projectId}/live$`));
    expect(textOf(result)).toContain('paper trading');
    expect(emulator.requests['live/create']).toBe(1);
    const live = await toolContext(environment)
      .quantConnectClient()
      .readLive(output.projectId, output.deployId);
    expect(live.deployId).toBe(output.deployId);
  });

  it('deploys a project folder, and an existing project by its id and compile without compiling again', async () => {
    // Prepare
    const emulator = await startEmulator();
    const environment = { ...credentials(emulator), ...ALLOWED };
    const client = await connect(environment);
    const folder = await mkdtemp(join(tmpdir(), 'quantcoder-deploy-live-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    await writeFile(join(folder, 'main.py'), FILES['main.py']);
    await writeFile(join(folder, 'alpha.py'), FILES['alpha.py']);
    const quantConnect = createRestQuantConnect(toolContext(environment).quantConnectClient());
    const project = await pushProject(quantConnect, 'compiled-elsewhere', [
      { name: 'main.py', content: FILES['main.py'] },
      { name: 'alpha.py', content: FILES['alpha.py'] },
    ]);
    const { compileId } = await quantConnect.createCompile(project.projectId);
    await quantConnect.readCompile(project.projectId, compileId);

    // Act
    const fromFolder = await client.callTool({
      name: 'deploy_live',
      arguments: { path: folder, confirm: true },
    });
    const byId = await client.callTool({
      name: 'deploy_live',
      arguments: { projectId: project.projectId, compileId, confirm: true },
    });
    const again = await client.callTool({
      name: 'deploy_live',
      arguments: { projectId: project.projectId, confirm: true },
    });

    // Assess
    expect(fromFolder.isError).toBeFalsy();
    expect(byId.isError).toBeFalsy();
    expect(byId.structuredContent).toMatchObject({ projectId: project.projectId, compileId });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toMatch(/already has a live algorithm/);
    expect(emulator.requests['projects/create']).toBe(2);
    expect(emulator.requests['compile/create']).toBe(3);
  });

  it('deploys to the local emulator when QUANTCODER_MCP_EMULATOR is set, and says it is emulated', async () => {
    // Prepare
    const client = await connect({ ...ALLOWED, QUANTCODER_MCP_EMULATOR: '1' });

    // Act
    const result = await client.callTool({ name: 'deploy_live', arguments: { files: FILES, confirm: true } });

    // Assess
    expect(result.isError).toBeFalsy();
    expect(DeployLiveOutput.parse(result.structuredContent)).toMatchObject({
      emulated: true,
      brokerage: 'paper',
    });
    expect(textOf(result)).toContain('emulated: nothing trades');
  });

  it('reports build errors with file and line and deploys nothing', async () => {
    // Prepare
    const emulator = await startEmulator();
    const client = await connect({ ...credentials(emulator), ...ALLOWED });
    const alpha = `${ALPHA_PY}\ndef broken(:\n    pass\n`;
    const brokenLine = alpha.split('\n').findIndex((line) => line.startsWith('def broken')) + 1;

    // Act
    const result = await client.callTool({
      name: 'deploy_live',
      arguments: { files: { ...FILES, 'alpha.py': alpha }, confirm: true },
    });

    // Assess
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('did not build');
    expect(textOf(result)).toContain(`alpha.py:${brokenLine}:`);
    expect(emulator.requests['live/create']).toBeUndefined();
  });

  it('says to set QC_USER_ID and QC_API_TOKEN when they are missing', async () => {
    // Prepare
    const client = await connect({ ...ALLOWED });

    // Act
    const result = await client.callTool({ name: 'deploy_live', arguments: { files: FILES, confirm: true } });

    // Assess
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/QC_USER_ID.*QC_API_TOKEN/);
  });

  it('asks for exactly one of files, path or projectId, and refuses a file name outside the project', async () => {
    // Prepare
    const emulator = await startEmulator();
    const client = await connect({ ...credentials(emulator), ...ALLOWED });

    // Act
    const neither = await client.callTool({ name: 'deploy_live', arguments: { confirm: true } });
    const both = await client.callTool({
      name: 'deploy_live',
      arguments: { files: FILES, projectId: 1, confirm: true },
    });
    const badName = await client.callTool({
      name: 'deploy_live',
      arguments: { files: { ...FILES, '../escape.py': 'x = 1\n' }, confirm: true },
    });

    // Assess
    expect(textOf(neither)).toContain('exactly one of files');
    expect(textOf(both)).toContain('exactly one of files');
    expect(textOf(badName)).toMatch(/'..\/escape\.py' is not a project file name/);
    expect([neither.isError, both.isError, badName.isError]).toEqual([true, true, true]);
    expect(emulator.totalRequests).toBe(0);
  });
});
