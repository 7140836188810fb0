import { describe, expect, it } from 'vitest';
import { loadValidProjects } from '../fixture-projects.js';
import { apiFindings } from './api-findings.js';

describe('the LEAN API rules on valid algorithms', () => {
  it.each(loadValidProjects().map((project) => [project.name, project.files] as const))(
    '%s gives no finding',
    (_name, files) => {
      // Act
      const findings = apiFindings(files);

      // Assess
      expect(findings).toEqual([]);
    },
  );
});
