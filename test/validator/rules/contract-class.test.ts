import { describe, expect, it } from 'vitest';
import { FileContract } from '../../../functions/agents/plan.js';
import { contractClassRule } from '../../../functions/validator/rules/contract-class.js';
import { MAIN, python, runRule } from './run-rule.js';

/** A contract for alpha.py's MomentumAlphaModel(AlphaModel) taking the given parameter names. */
function alphaContract(...parameters: string[]): FileContract[] {
  return FileContract.array().parse([
    {
      file: 'alpha.py',
      owner: 'alpha',
      className: 'MomentumAlphaModel',
      baseClass: 'AlphaModel',
      constructorParameters: parameters.map((name) => ({ name, type: 'int', value: 1, description: name })),
      responsibility: 'signals',
    },
  ]);
}

function alpha(...lines: string[]) {
  return python('alpha.py', 'from AlgorithmImports import *', ...lines);
}

describe('contract-class', () => {
  it('accepts the class with its base and every parameter', () => {
    // Prepare
    const file = alpha(
      'class MomentumAlphaModel(AlphaModel):',
      '    def __init__(self, lookback, top_count=10, *, resolution=None):',
      '        pass',
    );

    // Act
    const findings = runRule(
      contractClassRule,
      [MAIN, file],
      alphaContract('lookback', 'top_count', 'resolution'),
    );

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a contract file the project lacks', () => {
    // Act
    const findings = runRule(contractClassRule, [MAIN], alphaContract());

    // Assess
    expect(findings).toEqual([
      'alpha.py:1:1 error the plan needs alpha.py with class MomentumAlphaModel(AlphaModel), but the project has no alpha.py',
    ]);
  });

  it('reports a renamed class at the class it probably became', () => {
    // Prepare
    const file = alpha('class Helper:', '    pass', '', 'class MomentumAlpha(AlphaModel):', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract());

    // Assess
    expect(findings).toEqual([
      'alpha.py:5:7 error alpha.py has no class MomentumAlphaModel, the name the plan gives the other files; it defines MomentumAlpha: rename it to MomentumAlphaModel',
    ]);
  });

  it('reports a missing class at the top of the file when nothing resembles it', () => {
    // Prepare
    const file = alpha('class Foo:', '    pass', '', 'class Bar:', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract());

    // Assess
    expect(findings).toEqual([
      'alpha.py:1:1 error alpha.py has no class MomentumAlphaModel, the name the plan gives the other files',
    ]);
  });

  it('warns when the class derives from another base than the plan says', () => {
    // Prepare
    const file = alpha('class MomentumAlphaModel(RiskManagementModel):', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract());

    // Assess
    expect(findings).toEqual([
      'alpha.py:2:7 warning class MomentumAlphaModel derives from RiskManagementModel, not AlphaModel as the plan says',
    ]);
  });

  it('accepts the base through an intermediate project class', () => {
    // Prepare
    const base = python(
      'base.py',
      'from AlgorithmImports import *',
      'class BaseAlpha(AlphaModel):',
      '    pass',
    );
    const file = alpha('from base import BaseAlpha', 'class MomentumAlphaModel(BaseAlpha):', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file, base], alphaContract());

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports the parameters __init__ does not accept', () => {
    // Prepare
    const file = alpha(
      'class MomentumAlphaModel(AlphaModel):',
      '    def __init__(self, lookback, top, /, resolution=None):',
      '        pass',
    );

    // Act
    const findings = runRule(
      contractClassRule,
      [MAIN, file],
      alphaContract('lookback', 'top_count', 'resolution'),
    );

    // Assess
    expect(findings).toEqual([
      "alpha.py:3:9 error MomentumAlphaModel.__init__ does not accept 'lookback', 'top_count', which the plan passes to it",
    ]);
  });

  it('accepts any parameter when __init__ takes **kwargs', () => {
    // Prepare
    const file = alpha(
      'class MomentumAlphaModel(AlphaModel):',
      '    def __init__(self, **options):',
      '        pass',
    );

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract('lookback'));

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a class without __init__ when the plan passes parameters', () => {
    // Prepare
    const file = alpha('class MomentumAlphaModel(AlphaModel):', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract('lookback'));

    // Assess
    expect(findings).toEqual([
      'alpha.py:2:7 error class MomentumAlphaModel has no __init__, but the plan constructs it with lookback: define __init__(self, lookback)',
    ]);
  });

  it('checks an __init__ inherited from a project class', () => {
    // Prepare
    const base = python(
      'base.py',
      'class BaseAlpha(AlphaModel):',
      '    def __init__(self, period):',
      '        pass',
    );
    const file = alpha('from base import BaseAlpha', 'class MomentumAlphaModel(BaseAlpha):', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file, base], alphaContract('lookback'));

    // Assess
    expect(findings).toEqual([
      "alpha.py:3:7 error the __init__ MomentumAlphaModel inherits does not accept 'lookback', which the plan passes to it",
    ]);
  });

  it('stays silent about constructors inherited from a base it cannot see', () => {
    // Prepare
    const file = alpha(
      'from vendor_sdk import Model',
      'class MomentumAlphaModel(Model, AlphaModel):',
      '    pass',
    );

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract('lookback'));

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves a file with syntax errors to syntax-error', () => {
    // Prepare
    const file = alpha('class Other(AlphaModel)', '    pass');

    // Act
    const findings = runRule(contractClassRule, [MAIN, file], alphaContract('lookback'));

    // Assess
    expect(findings).toEqual([]);
  });
});
