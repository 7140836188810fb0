import { describe, expect, it } from 'vitest';
import { sortDiagnostics, staticDiagnostic } from '../../functions/validator/index.js';

describe('sortDiagnostics', () => {
  it('orders by file, line, column and severity, and drops exact duplicates', () => {
    // Prepare
    const risk = staticDiagnostic('risk.py', { line: 2, column: 1 }, 'warning', 'rule-a', 'one');
    const alphaLate = staticDiagnostic('alpha.py', { line: 9, column: 3 }, 'error', 'rule-a', 'two');
    const alphaWarning = staticDiagnostic('alpha.py', { line: 9, column: 1 }, 'warning', 'rule-b', 'three');
    const alphaError = staticDiagnostic('alpha.py', { line: 9, column: 1 }, 'error', 'rule-b', 'four');

    // Act
    const sorted = sortDiagnostics([risk, alphaLate, alphaWarning, alphaError, { ...risk }]);

    // Assess
    expect(sorted).toEqual([alphaError, alphaWarning, alphaLate, risk]);
  });
});
