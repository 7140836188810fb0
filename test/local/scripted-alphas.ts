import type { ModelRequest } from '../../functions/llm/model.js';

/** The contract's class name for the file a request asks for. */
export function className(request: ModelRequest<unknown>): string {
  const task = request.task;
  if (
    task.kind === 'component' ||
    task.kind === 'risk' ||
    task.kind === 'strategy' ||
    task.kind === 'refine'
  ) {
    return task.contract.className;
  }
  throw new Error(`no contract in a ${task.kind} task`);
}

/** An alpha answer that is valid JSON for the schema but broken Python: the colon after update's signature is missing. */
export const brokenAlpha = (request: ModelRequest<unknown>) => ({
  className: className(request),
  code: [
    'from AlgorithmImports import *',
    '',
    `class ${className(request)}(AlphaModel):`,
    '    def __init__(self, lookback_days=20, rebalance="daily", long_short=False):',
    '        self.lookback_days = lookback_days',
    '',
    '    def update(self, algorithm, data)',
    '        return []',
    '',
  ].join('\n'),
  notes: 'broken on purpose',
});

/** A valid alpha that never emits an insight, so the backtest places no trades. */
export const idleAlpha = (request: ModelRequest<unknown>) => ({
  className: className(request),
  code: [
    'from AlgorithmImports import *',
    '',
    `class ${className(request)}(AlphaModel):`,
    '    def __init__(self, **settings):',
    '        self.settings = settings',
    '',
    '    def update(self, algorithm, data):',
    '        return []',
    '',
    '    def on_securities_changed(self, algorithm, changes):',
    '        pass',
    '',
  ].join('\n'),
  notes: 'never trades',
});

/** A valid alpha whose update divides by zero on the first bar: a runtime error with a stack trace. */
export const crashingAlpha = (request: ModelRequest<unknown>) => ({
  className: className(request),
  code: [
    'from AlgorithmImports import *',
    '',
    `class ${className(request)}(AlphaModel):`,
    '    def __init__(self, **settings):',
    '        self.settings = settings',
    '',
    '    def update(self, algorithm, data):',
    '        ratio = 1 / 0',
    '        return []',
    '',
    '    def on_securities_changed(self, algorithm, changes):',
    '        pass',
    '',
  ].join('\n'),
  notes: 'crashes on purpose',
});
