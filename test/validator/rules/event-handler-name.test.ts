import { describe, expect, it } from 'vitest';
import { eventHandlerNameRule } from '../../../functions/validator/rules/event-handler-name.js';
import { python, runRule } from './run-rule.js';

describe('event-handler-name', () => {
  it('warns about handlers and hooks spelled in neither naming form', () => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import *',
      'class Algorithm(QCAlgorithm):',
      '    def Initialize(self):',
      '        pass',
      '    def onData(self, data):',
      '        pass',
      '    def On_Order_Event(self, order_event):',
      '        pass',
      'class Alpha(AlphaModel):',
      '    def onSecuritiesChanged(self, algorithm, changes):',
      '        pass',
    );

    // Act
    const findings = runRule(eventHandlerNameRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:5:9 warning LEAN calls on_data or OnData, never onData: rename it to on_data or it does not run',
      'main.py:7:9 warning LEAN calls on_order_event or OnOrderEvent, never On_Order_Event: rename it to on_order_event or it does not run',
      'main.py:10:9 warning LEAN calls on_securities_changed or OnSecuritiesChanged, never onSecuritiesChanged: rename it to on_securities_changed or it does not run',
    ]);
  });

  it('accepts both naming forms, private helpers and classes LEAN does not call', () => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import *',
      'class Algorithm(QCAlgorithm):',
      '    def initialize(self):',
      '        pass',
      '    def OnData(self, data):',
      '        self._on_data(data)',
      '    def _on_data(self, data):',
      '        pass',
      '    def on_data_helper(self):',
      '        pass',
      'class Helper:',
      '    def onData(self):',
      '        pass',
    );

    // Act
    const findings = runRule(eventHandlerNameRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });
});
