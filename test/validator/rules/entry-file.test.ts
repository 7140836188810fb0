import { describe, expect, it } from 'vitest';
import { entryFileRule } from '../../../functions/validator/rules/entry-file.js';
import { MAIN, python, runRule } from './run-rule.js';

describe('entry-file', () => {
  it('accepts a project with main.py', () => {
    // Act
    const findings = runRule(entryFileRule, [MAIN, python('alpha.py', 'X = 1')]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('names the file that holds the algorithm when main.py is missing', () => {
    // Prepare
    const files = [python('alpha.py', 'X = 1'), { ...MAIN, name: 'Main.py' }];

    // Act
    const findings = runRule(entryFileRule, files);

    // Assess
    expect(findings).toEqual([
      'main.py:1:1 error the project has no main.py: the QCAlgorithm subclass is in Main.py; rename Main.py to main.py',
    ]);
  });

  it('reports a project with no main.py and no algorithm', () => {
    // Act
    const findings = runRule(entryFileRule, [python('alpha.py', 'X = 1')]);

    // Assess
    expect(findings).toEqual([
      'main.py:1:1 error the project has no main.py: LEAN loads the QCAlgorithm subclass from main.py',
    ]);
  });
});
