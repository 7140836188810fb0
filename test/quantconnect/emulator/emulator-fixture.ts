import type { SourceFile } from '../../../functions/agents/tasks.js';
import { createInProcessEmulator } from '../../../functions/quantconnect/emulator/in-process-emulator.js';
import type { BacktestSnapshot, QuantConnect } from '../../../functions/quantconnect/port.js';
import type { Diagnostic } from '../../../functions/validator/diagnostic.js';

export const FIXED_NOW = new Date('2025-06-02T12:00:00Z');

/** A buy-and-hold main.py on SPY: buys with all cash on the first data and holds. */
export const BUY_AND_HOLD_MAIN = [
  'from AlgorithmImports import *',
  '',
  'class Buy(QCAlgorithm):',
  '    def initialize(self):',
  '        self.set_start_date(2020, 1, 1)',
  '        self.set_end_date(2021, 12, 31)',
  '        self.spy = self.add_equity("SPY", Resolution.DAILY).symbol',
  '',
  '    def on_data(self, data):',
  '        if not self.portfolio.invested:',
  '            self.set_holdings(self.spy, 1.0)',
  '',
].join('\n');

/** A clock in milliseconds that only sleeps move, so bounded waits end at once; `sleeps` lists each pause. */
export function virtualTime(start = 0) {
  let current = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => current,
    sleep: async (milliseconds: number) => {
      sleeps.push(milliseconds);
      current += milliseconds;
    },
  };
}

/** A main.py that trades, with the given dates and cash. */
export function tradingMain(
  options: { start?: string; end?: string; cash?: string; extra?: string } = {},
): string {
  return [
    'from AlgorithmImports import *',
    'from alpha import MomentumAlphaModel',
    '',
    'class MomentumTop100(QCAlgorithm):',
    '    def initialize(self):',
    `        self.set_start_date(${options.start ?? '2020, 1, 1'})`,
    `        self.set_end_date(${options.end ?? '2022, 12, 31'})`,
    `        self.set_cash(${options.cash ?? '100000'})`,
    '        self.add_equity("SPY", Resolution.DAILY)',
    '        self.set_alpha(MomentumAlphaModel())',
    ...(options.extra ? [options.extra] : []),
    '',
  ].join('\n');
}

export const ALPHA_PY = [
  'from AlgorithmImports import *',
  '',
  'class MomentumAlphaModel(AlphaModel):',
  '    def update(self, algorithm, data):',
  '        return [Insight.price("SPY", timedelta(days=5), InsightDirection.UP)]',
  '',
].join('\n');

/** An emulator with a fixed clock, one-read-per-step timing, and a compile check that finds nothing. */
export function emulator(
  options: { compileCheck?: (files: SourceFile[]) => Diagnostic[]; readsUntilDone?: number } = {},
): QuantConnect {
  return createInProcessEmulator({
    compileCheck: options.compileCheck ?? (() => []),
    now: () => FIXED_NOW,
    readsUntilDone: options.readsUntilDone ?? 3,
  });
}

/** Creates a project with `files`, compiles it to the end and starts a backtest. */
export async function startBacktest(
  quantConnect: QuantConnect,
  files: SourceFile[],
  parameters?: Record<string, string>,
): Promise<{ projectId: number; backtestId: string }> {
  const { projectId } = await quantConnect.createProject(`project-${Math.random().toString(36).slice(2)}`);
  await quantConnect.writeFiles(projectId, files);
  const { compileId } = await quantConnect.createCompile(projectId);
  await readCompileUntilDone(quantConnect, projectId, compileId);
  const { backtestId } = await quantConnect.createBacktest(projectId, compileId, 'Test Backtest', parameters);
  return { projectId, backtestId };
}

/** Reads a compile until it leaves the queue (bounded). */
export async function readCompileUntilDone(quantConnect: QuantConnect, projectId: number, compileId: string) {
  for (let read = 0; read < 20; read += 1) {
    const compile = await quantConnect.readCompile(projectId, compileId);
    if (compile.state !== 'InQueue') return compile;
  }
  throw new Error(`compile ${compileId} never finished`);
}

/** Reads a backtest until it is done (bounded) and returns every snapshot seen. */
export async function readBacktestUntilDone(
  quantConnect: QuantConnect,
  projectId: number,
  backtestId: string,
): Promise<BacktestSnapshot[]> {
  const snapshots: BacktestSnapshot[] = [];
  for (let read = 0; read < 20; read += 1) {
    const snapshot = await quantConnect.readBacktest(projectId, backtestId);
    snapshots.push(snapshot);
    if (snapshot.error !== null || snapshot.completed) return snapshots;
  }
  throw new Error(`backtest ${backtestId} never finished`);
}

/** Runs a whole backtest of `files` and returns its final statistics. */
export async function finalStatistics(
  quantConnect: QuantConnect,
  files: SourceFile[],
  parameters?: Record<string, string>,
): Promise<Record<string, string>> {
  const { projectId, backtestId } = await startBacktest(quantConnect, files, parameters);
  const snapshots = await readBacktestUntilDone(quantConnect, projectId, backtestId);
  return snapshots[snapshots.length - 1]?.statistics ?? {};
}

/** "12.5%", "$3.44", "-0.73" → number, the way QuantConnect's clients parse statistics. */
export function statisticNumber(text: string | undefined): number {
  return Number((text ?? '').replace(/[%$,]/g, ''));
}
