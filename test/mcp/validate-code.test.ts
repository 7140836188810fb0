import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUY_AND_HOLD, callTool, type McpHarness, startMcpHarness } from './mcp-harness.js';

const MISSPELLED = BUY_AND_HOLD.replace('self.set_holdings(', 'self.set_holding(');

let harness: McpHarness;

beforeAll(async () => {
  harness = await startMcpHarness();
});

afterAll(() => harness.close());

describe('validate_code', () => {
  it('passes valid files and reads nothing from QuantConnect', async () => {
    // Act
    const result = await callTool(harness.client, 'validate_code', { files: { 'main.py': BUY_AND_HOLD } });

    // Assess
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ ok: true, files: 1, errorCount: 0, diagnostics: [] });
    expect(result.structuredContent).not.toHaveProperty('compile');
    expect(harness.emulator.totalRequests).toBe(0);
  });

  it('reports a misspelled LEAN member at its file, line and column, with the suggestion', async () => {
    // Act
    const result = await callTool(harness.client, 'validate_code', { files: { 'main.py': MISSPELLED } });

    // Assess
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({
      ok: false,
      errorCount: 1,
      diagnostics: [
        {
          file: 'main.py',
          line: 11,
          column: 18,
          severity: 'error',
          rule: 'unknown-algorithm-member',
          source: 'static',
          suggestions: ['set_holdings'],
        },
      ],
    });
    expect(result.text).toContain('main.py:11:18 error');
  });

  it('checks a project folder given as a path, naming files under it', async () => {
    // Prepare
    const folder = await mkdtemp(join(tmpdir(), 'quantcoder-mcp-validate-'));
    await writeFile(join(folder, 'main.py'), MISSPELLED);

    // Act
    const result = await callTool(harness.client, 'validate_code', { path: folder });

    // Assess
    expect(result.structuredContent).toMatchObject({
      ok: false,
      diagnostics: [{ file: join(folder, 'main.py'), line: 11 }],
    });
  });

  it('compiles on QuantConnect when asked, and returns the build errors at file and line', async () => {
    // Act
    const result = await callTool(harness.client, 'validate_code', {
      files: { 'main.py': MISSPELLED },
      compile: true,
    });

    // Assess
    expect(result.structuredContent).toMatchObject({
      ok: false,
      compile: {
        state: 'BuildError',
        emulated: false,
        projectId: expect.any(Number),
        diagnostics: [
          { file: 'main.py', line: 11, column: 18, source: 'compile', rule: 'quantconnect-build' },
        ],
      },
    });
    expect(harness.emulator.requests['compile/create']).toBe(1);
    expect(result.text).toContain("QuantConnect's build failed");
  });

  it('compiles a valid project to BuildSuccess', async () => {
    // Act
    const result = await callTool(harness.client, 'validate_code', {
      files: { 'main.py': BUY_AND_HOLD },
      compile: true,
    });

    // Assess
    expect(result.structuredContent).toMatchObject({
      ok: true,
      compile: { state: 'BuildSuccess', diagnostics: [] },
    });
  });

  it('refuses both files and path, and neither, saying what to pass', async () => {
    // Act
    const both = await callTool(harness.client, 'validate_code', {
      files: { 'main.py': BUY_AND_HOLD },
      path: '.',
    });
    const neither = await callTool(harness.client, 'validate_code', {});

    // Assess
    expect(both).toMatchObject({ isError: true, text: 'Pass either files or path, not both.' });
    expect(neither.isError).toBe(true);
    expect(neither.text).toContain('files');
    expect(neither.text).toContain('path');
  });

  it('refuses a file name that would leave the project', async () => {
    // Act
    const result = await callTool(harness.client, 'validate_code', { files: { '../evil.py': 'x = 1' } });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('file names are Python modules of the project');
  });
});

describe('validate_code without QuantConnect credentials', () => {
  let bare: McpHarness;

  beforeAll(async () => {
    bare = await startMcpHarness({ withoutCredentials: true });
  });

  afterAll(() => bare.close());

  it('still checks statically', async () => {
    // Act
    const result = await callTool(bare.client, 'validate_code', { files: { 'main.py': BUY_AND_HOLD } });

    // Assess
    expect(result.structuredContent).toMatchObject({ ok: true });
  });

  it('answers compile: true with the settings to add', async () => {
    // Act
    const result = await callTool(bare.client, 'validate_code', {
      files: { 'main.py': BUY_AND_HOLD },
      compile: true,
    });

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain('QC_USER_ID');
    expect(result.text).toContain('QC_API_TOKEN');
    expect(result.text).toContain('QUANTCODER_MCP_EMULATOR');
    expect(bare.emulator.totalRequests).toBe(0);
  });
});
