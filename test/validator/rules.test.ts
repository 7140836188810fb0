import { describe, expect, it } from 'vitest';
import { findRule, PROJECT_RULES } from '../../functions/validator/index.js';
import { PITFALL_RULES } from '../../functions/validator/rules/pitfall-rules.js';

describe('PROJECT_RULES', () => {
  it('holds the project-structure rules first, then the pitfall rules, each with a unique kebab-case id', () => {
    // Act
    const ids = PROJECT_RULES.map((rule) => rule.id);

    // Assess
    expect(ids.slice(0, 9)).toEqual([
      'syntax-error',
      'file-name',
      'entry-file',
      'algorithm-class',
      'import-unresolved',
      'import-unknown',
      'contract-class',
      'circular-import',
      'missing-algorithm-imports',
    ]);
    expect(ids).toEqual(expect.arrayContaining(PITFALL_RULES.map((rule) => rule.id)));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('explains each rule in one line', () => {
    // Act
    const descriptions = PROJECT_RULES.map((rule) => rule.description);

    // Assess
    for (const description of descriptions) {
      expect(description).not.toContain('\n');
      expect(description.length).toBeGreaterThan(20);
      expect(description.length).toBeLessThanOrEqual(140);
    }
  });
});

describe('findRule', () => {
  it('finds a rule by id, and nothing for an unknown id', () => {
    // Act
    const found = findRule('circular-import');
    const missing = findRule('no-such-rule');

    // Assess
    expect(found?.id).toBe('circular-import');
    expect(missing).toBeUndefined();
  });
});
