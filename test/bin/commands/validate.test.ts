import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { coloredDiagnostic } from '../../../bin/commands/validate.js';
import { type Diagnostic, formatDiagnostic } from '../../../functions/validator/diagnostic.js';

const DIAGNOSTIC: Diagnostic = {
  file: 'an error in/main.py',
  line: 3,
  column: 5,
  severity: 'error',
  rule: 'hook-signature',
  message: 'a warning in the message',
  source: 'static',
};

describe('coloredDiagnostic', () => {
  it('colours the severity and nothing else, even when the path holds the word', () => {
    // Prepare
    const colors = pc.createColors(true);
    const warning: Diagnostic = { ...DIAGNOSTIC, file: 'a warning in/main.py', severity: 'warning' };

    // Act
    const lines = [coloredDiagnostic(DIAGNOSTIC, colors), coloredDiagnostic(warning, colors)];

    // Assess
    expect(lines).toEqual([
      `an error in/main.py:3:5 ${colors.red('error')} hook-signature a warning in the message`,
      `a warning in/main.py:3:5 ${colors.yellow('warning')} hook-signature a warning in the message`,
    ]);
  });

  it('writes the formatDiagnostic line when colours are off', () => {
    // Act
    const line = coloredDiagnostic(DIAGNOSTIC, pc.createColors(false));

    // Assess
    expect(line).toBe(formatDiagnostic(DIAGNOSTIC));
  });
});
