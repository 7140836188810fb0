import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type QuantConnectEmulator,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { validateProject } from '../../functions/validator/index.js';
import { runQuantcoder } from './run-quantcoder.js';

const MAIN = [
  'from AlgorithmImports import *',
  '',
  'class Buy(QCAlgorithm):',
  '    def initialize(self):',
  '        self.set_start_date(2020, 1, 1)',
  '        self.set_cash(100000)',
  '        self.spy = self.add_equity("SPY", Resolution.DAILY).symbol',
  '',
  '    def on_data(self, data):',
  '        if not self.portfolio.invested:',
  '            self.set_holdings(self.spy, 1.0)',
  '',
].join('\n');

/** Runs the CLI with exactly these QuantConnect variables and no other QuantCoder setting. */
const quantcoder = (args: string[], quantConnect: Record<string, string>) =>
  runQuantcoder(args, quantConnect);

async function project(main: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'quantcoder-backtest-'));
  await writeFile(join(folder, 'main.py'), main);
  return folder;
}

let server: QuantConnectEmulator;

beforeAll(async () => {
  // A QuantConnect of our own on loopback, with a 503 and a 429 on the way, as the real service has.
  server = await startQuantConnectEmulator({
    compileCheck: (files) => validateProject(files),
    readsUntilDone: 2,
    faults: [
      { kind: 'status', path: 'compile/read', status: 503, times: 1 },
      { kind: 'status', path: 'backtests/read', status: 429, retryAfterSeconds: 0, times: 1 },
    ],
  });
});

afterAll(() => server.close());

describe('quantcoder backtest', () => {
  it('authenticates with QC_USER_ID and QC_API_TOKEN, survives a 503 and a 429, and prints numbers with --json', async () => {
    // Prepare
    const folder = await project(MAIN);

    // Act
    const result = await quantcoder(['backtest', folder, '--json', '--end', '2021-06-30'], {
      QC_USER_ID: server.userId,
      QC_API_TOKEN: server.apiToken,
      QC_API_URL: server.url,
    });

    // Assess
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ status: 'Completed', projectId: expect.any(Number) });
    expect(printed.compileId).toMatch(/^[0-9a-f]{32}-[0-9a-f]{32}$/);
    expect(printed.backtestId).toMatch(/^[0-9a-f]{32}$/);
    expect(printed.url).toContain(printed.backtestId);
    expect(typeof printed.statistics['Sharpe Ratio']).toBe('number');
    expect(typeof printed.statistics.Drawdown).toBe('number');
    expect(printed.statistics['Total Orders']).toBeGreaterThan(0);
    expect(result.stderr).toContain('main.py:5 inserted set_end_date(2021, 6, 30)');
    expect(server.requests['compile/read']).toBeGreaterThanOrEqual(2);
  });

  it('names the variables to set when there are no credentials, and offers the emulator', async () => {
    // Prepare
    const folder = await project(MAIN);

    // Act
    const result = await quantcoder(['backtest', folder], {});

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Set QC_USER_ID and QC_API_TOKEN');
    expect(result.stderr).toContain('--emulator');
  });

  it('tells the user which credentials to fix when QuantConnect refuses them', async () => {
    // Prepare
    const folder = await project(MAIN);

    // Act
    const result = await quantcoder(['backtest', folder], {
      QC_USER_ID: server.userId,
      QC_API_TOKEN: 'not-the-token',
      QC_API_URL: server.url,
    });

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/QC_USER_ID/);
    expect(result.stderr).toMatch(/QC_API_TOKEN/);
  });

  it('refuses a project with static errors before any QuantConnect call, saying how to push anyway', async () => {
    // Prepare
    const folder = await project(MAIN.replace('Resolution.DAILY', 'Resolution.DAILY)'));
    const before = server.totalRequests;

    // Act
    const result = await quantcoder(['backtest', folder], {
      QC_USER_ID: server.userId,
      QC_API_TOKEN: server.apiToken,
      QC_API_URL: server.url,
    });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'main.py')}:7:`);
    expect(result.stderr).toContain('--skip-validation');
    expect(server.totalRequests).toBe(before);
  });

  it('reports a runtime error at its file and line and exits 1, on the emulator with no credentials', async () => {
    // Prepare
    const folder = await project(
      MAIN.replace('self.set_cash(100000)', 'self.set_cash(100000)\n        ratio = 1 / 0'),
    );

    // Act
    const result = await quantcoder(['backtest', folder, '--emulator', '--json'], {});

    // Assess
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout);
    expect(printed.status).toBe('RuntimeError');
    expect(printed.emulated).toBe(true);
    expect(printed.diagnostics[0]).toMatchObject({ file: 'main.py', line: 7, source: 'runtime' });
  });
});
