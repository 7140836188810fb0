import { describe, expect, it } from 'vitest';
import { apiFindings, mainPy } from './api-findings.js';

const HEADER = [
  'from AlgorithmImports import *',
  '',
  'class Algo(QCAlgorithm):',
  '    def initialize(self):',
  '        self.add_universe(self.select)',
  '',
  '    def select(self, fundamental):',
  '        return [f.symbol for f in fundamental][: self.count]',
  '',
];

describe('findings in code nothing calls', () => {
  it('are warnings, saying why, while the same mistake in called code stays an error', () => {
    // Prepare: `count` is assigned nowhere; `old_selection` is never called or passed
    const files = mainPy(
      ...HEADER,
      '    def old_selection(self, fundamental):',
      '        return [f.symbol for f in fundamental][: self.count]',
    );

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(findings).toEqual([
      expect.stringMatching(/^main\.py:8:\d+ error unknown-algorithm-member 'count' /),
      expect.stringMatching(
        /^main\.py:11:\d+ warning unknown-algorithm-member 'count' .*\(in old_selection, which nothing calls, so it cannot fail a run\)$/,
      ),
    ]);
  });

  it('do not count hooks LEAN calls by name, or methods passed as callbacks, as dead', () => {
    // Prepare
    const files = mainPy(
      ...HEADER,
      '    def on_data(self, data):',
      '        self.set_holdingz("SPY", 1)',
      '',
      '    def on_order_event(self, order_event):',
      '        self.debugg("filled")',
    );

    // Act
    const findings = apiFindings(files);

    // Assess
    expect(findings.filter((finding) => finding.includes(' error '))).toHaveLength(3);
  });
});
