import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../functions/validator/index.js';
import { apiFindings, validAlgorithms } from './api-findings.js';

describe('the LEAN API rules on valid algorithms', () => {
  it.each(validAlgorithms().map((algorithm) => [algorithm.name, algorithm.files] as const))(
    '%s gives no finding',
    (_name, files) => {
      // Act
      const findings = apiFindings(files);

      // Assess
      expect(findings).toEqual([]);
    },
  );

  it.each(validAlgorithms().map((algorithm) => [algorithm.name, algorithm.files] as const))(
    '%s gives no error from any project rule',
    (_name, files) => {
      // Act
      const errors = validateProject(files).filter((diagnostic) => diagnostic.severity === 'error');

      // Assess
      expect(errors).toEqual([]);
    },
  );
});
