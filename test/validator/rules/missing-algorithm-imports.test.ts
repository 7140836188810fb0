import { describe, expect, it } from 'vitest';
import { missingAlgorithmImportsRule } from '../../../functions/validator/rules/missing-algorithm-imports.js';
import { MAIN, python, runRule } from './run-rule.js';

const RISK_BODY = [
  'class StopRiskModel(RiskManagementModel):',
  '    def manage_risk(self, algorithm, targets):',
  '        return [PortfolioTarget(target.symbol, 0) for target in targets]',
];

describe('missing-algorithm-imports', () => {
  it('warns at the first LEAN name of a file that does not import them', () => {
    // Prepare
    const risk = python('risk.py', 'import math', '', ...RISK_BODY);

    // Act
    const findings = runRule(missingAlgorithmImportsRule, [MAIN, risk]);

    // Assess
    expect(findings).toEqual([
      "risk.py:3:21 warning risk.py uses RiskManagementModel, PortfolioTarget without importing them: add 'from AlgorithmImports import *' at the top",
    ]);
  });

  it('counts the Python names AlgorithmImports binds, such as np and timedelta', () => {
    // Prepare
    const helpers = python(
      'helpers.py',
      'def spread(values):',
      '    return np.std(values) * timedelta(days=1).days',
    );

    // Act
    const findings = runRule(missingAlgorithmImportsRule, [helpers]);

    // Assess
    expect(findings).toEqual([
      "helpers.py:2:12 warning helpers.py uses np, timedelta without importing them: add 'from AlgorithmImports import *' at the top",
    ]);
  });

  it.each([
    ['a star import of AlgorithmImports', 'from AlgorithmImports import *'],
    ['a star import of a LEAN namespace', 'from QuantConnect.Algorithm.Framework.Risk import *'],
    ['explicit imports', 'from AlgorithmImports import RiskManagementModel, PortfolioTarget'],
    ['a star import of a project module that imports LEAN', 'from common import *'],
    ['a star import of an unknown module', 'from vendor_sdk import *'],
  ])('accepts %s', (_name, importLine) => {
    // Prepare
    const common = python('common.py', 'from AlgorithmImports import *');
    const risk = python('risk.py', importLine, ...RISK_BODY);

    // Act
    const findings = runRule(missingAlgorithmImportsRule, [MAIN, common, risk]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('ignores names the file defines itself and attribute or keyword names', () => {
    // Prepare
    const helpers = python(
      'helpers.py',
      'class Insight:',
      '    pass',
      'def make(algorithm):',
      '    return algorithm.Resolution, dict(Symbol=1), Insight()',
    );

    // Act
    const findings = runRule(missingAlgorithmImportsRule, [helpers]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('does not count a star import of a library that holds no LEAN names', () => {
    // Prepare
    const risk = python('risk.py', 'from math import *', ...RISK_BODY);

    // Act
    const findings = runRule(missingAlgorithmImportsRule, [risk]);

    // Assess
    expect(findings).toHaveLength(1);
  });
});
