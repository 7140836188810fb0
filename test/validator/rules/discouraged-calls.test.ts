import { describe, expect, it } from 'vitest';
import {
  blockingSleepRule,
  localFileAccessRule,
  printCallRule,
} from '../../../functions/validator/rules/discouraged-calls.js';
import { python, runRule } from './run-rule.js';

const main = python(
  'main.py',
  'from AlgorithmImports import *',
  'import time',
  'from time import sleep',
  'class Algorithm(QCAlgorithm):',
  '    def initialize(self):',
  '        print("starting")',
  '        time.sleep(1)',
  '        sleep(2)',
  '        with open("weights.csv") as handle:',
  '            self.weights = handle.read()',
);

describe('print-call, blocking-sleep and local-file-access', () => {
  it('warns about print()', () => {
    // Act
    const findings = runRule(printCallRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:6:9 warning print() writes to the process output, not to the algorithm log: use self.debug(...) or self.log(...)',
    ]);
  });

  it('warns about time.sleep and an imported sleep', () => {
    // Act
    const findings = runRule(blockingSleepRule, [main]);

    // Assess
    expect(findings.map((finding) => finding.split(' warning ')[0])).toEqual(['main.py:7:9', 'main.py:8:9']);
    expect(findings[0]).toContain('time.sleep blocks the engine');
  });

  it('warns about open()', () => {
    // Act
    const findings = runRule(localFileAccessRule, [main]);

    // Assess
    expect(findings).toEqual([
      'main.py:9:14 warning open() reads the local disk, which QuantConnect cloud algorithms do not have: use self.object_store, or self.download(url) for remote files',
    ]);
  });

  it('accepts names the module defines itself and methods of the same names', () => {
    // Prepare
    const own = python(
      'main.py',
      'def print(*parts):',
      '    pass',
      'def open(path):',
      '    return path',
      'class Helper:',
      '    def run(self, broker):',
      '        print("x")',
      '        open("y")',
      '        broker.sleep(3)',
      '        self.print("z")',
    );

    // Act
    const findings = [printCallRule, blockingSleepRule, localFileAccessRule].flatMap((rule) =>
      runRule(rule, [own]),
    );

    // Assess
    expect(findings).toEqual([]);
  });
});
