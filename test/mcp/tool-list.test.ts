import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type McpHarness, startMcpHarness } from './mcp-harness.js';

let harness: McpHarness;

beforeAll(async () => {
  harness = await startMcpHarness();
});

afterAll(() => harness.close());

describe('the QuantCoder MCP server', () => {
  it('lists every tool with an input schema, an output schema and honest annotations', async () => {
    // Act
    const { tools } = await harness.client.listTools();

    // Assess
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect([...byName.keys()].sort()).toEqual([
      'backtest',
      'deploy_live',
      'generate_strategy',
      'get_api_docs',
      'get_backtest',
      'validate_code',
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
    }
    expect(byName.get('get_api_docs')?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      openWorldHint: false,
    });
    expect(byName.get('get_backtest')?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
    });
    for (const name of ['validate_code', 'backtest', 'generate_strategy']) {
      expect(byName.get(name)?.annotations, name).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
        openWorldHint: true,
      });
    }
    expect(byName.get('deploy_live')?.annotations).toMatchObject({ destructiveHint: true });
  });

  it('describes the arguments a client must send: files or path, dates, bounded waits', async () => {
    // Act
    const { tools } = await harness.client.listTools();

    // Assess
    const schema = (name: string) => tools.find((tool) => tool.name === name)?.inputSchema;
    expect(Object.keys(schema('validate_code')?.properties ?? {}).sort()).toEqual([
      'compile',
      'files',
      'path',
    ]);
    expect(schema('backtest')?.properties).toMatchObject({
      startDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      waitSeconds: { type: 'integer', default: 45, minimum: 1, maximum: 900 },
    });
    expect(schema('get_backtest')?.required).toEqual(['projectId', 'backtestId']);
    expect(schema('get_api_docs')?.required).toEqual(['query']);
    expect(schema('generate_strategy')?.required).toEqual(['idea']);
    expect(schema('validate_code')?.additionalProperties).toBe(false);
  });

  it('answers an unknown tool and malformed arguments as errors the assistant can read', async () => {
    // Act
    const unknown = await harness.client.callTool({ name: 'no_such_tool', arguments: {} });
    const malformed = await harness.client.callTool({ name: 'get_api_docs', arguments: { query: 42 } });

    // Assess
    expect(unknown).toMatchObject({ isError: true });
    expect(JSON.stringify(unknown.content)).toContain('no_such_tool');
    expect(malformed).toMatchObject({ isError: true });
    expect(JSON.stringify(malformed.content)).toContain('query');
  });
});
