import { describe, expect, it } from 'vitest';
import { circularImportRule } from '../../../functions/validator/rules/circular-import.js';
import { MAIN, python, runRule } from './run-rule.js';

describe('circular-import', () => {
  it('reports each import of a three-module cycle', () => {
    // Prepare
    const alpha = python(
      'alpha.py',
      'from AlgorithmImports import *',
      'from risk import Stop',
      'class Signal:',
      '    pass',
    );
    const risk = python('risk.py', 'from sizing import Size', 'class Stop:', '    pass');
    const sizing = python('sizing.py', '', '', 'from alpha import Signal', 'class Size:', '    pass');

    // Act
    const findings = runRule(circularImportRule, [MAIN, alpha, risk, sizing]);

    // Assess
    const message =
      'circular import alpha.py → risk.py → sizing.py → alpha.py: whichever module loads first, another one imports a name from it before the name is defined; move the shared code into its own module';
    expect(findings).toEqual([
      `alpha.py:2:6 error ${message}`,
      `risk.py:1:6 error ${message}`,
      `sizing.py:3:6 error ${message}`,
    ]);
  });

  it('warns when the cycle works if one module loads first', () => {
    // Prepare: alpha defines Signal before it imports risk, so entering at alpha succeeds
    const alpha = python('alpha.py', 'class Signal:', '    pass', 'from risk import Stop');
    const risk = python('risk.py', 'from alpha import Signal', 'class Stop:', '    pass');

    // Act
    const findings = runRule(circularImportRule, [alpha, risk]);

    // Assess
    expect(findings).toEqual([
      'alpha.py:3:6 warning circular import alpha.py → risk.py → alpha.py: it works only if the modules load in a particular order or use each other inside functions; move the shared code into its own module',
      'risk.py:1:6 warning circular import alpha.py → risk.py → alpha.py: it works only if the modules load in a particular order or use each other inside functions; move the shared code into its own module',
    ]);
  });

  it('warns when the cycle only imports modules, which survives while they are used inside functions', () => {
    // Prepare
    const alpha = python('alpha.py', 'import risk');
    const risk = python('risk.py', 'import alpha');

    // Act
    const findings = runRule(circularImportRule, [alpha, risk]);

    // Assess
    expect(findings.map((finding) => finding.split(' circular import')[0])).toEqual([
      'alpha.py:1:8 warning',
      'risk.py:1:8 warning',
    ]);
  });

  it.each([
    ['an import inside a function', 'def later():\n    from alpha import Signal'],
    [
      'an import under TYPE_CHECKING',
      'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from alpha import Signal',
    ],
    ['a guarded import', 'try:\n    from alpha import Signal\nexcept ImportError:\n    Signal = None'],
  ])('ignores %s', (_name, riskSource) => {
    // Prepare
    const alpha = python('alpha.py', 'from risk import Stop', 'class Signal:', '    pass');
    const risk = python('risk.py', riskSource, 'class Stop:', '    pass');

    // Act
    const findings = runRule(circularImportRule, [alpha, risk]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('ignores a module importing itself and one-way chains', () => {
    // Prepare
    const alpha = python('alpha.py', 'import alpha', 'from risk import Stop');
    const risk = python('risk.py', 'from sizing import Size', 'class Stop:', '    pass');
    const sizing = python('sizing.py', 'class Size:', '    pass');

    // Act
    const findings = runRule(circularImportRule, [MAIN, alpha, risk, sizing]);

    // Assess
    expect(findings).toEqual([]);
  });
});
