import { describe, expect, it } from 'vitest';
import { fileNameRule } from '../../../functions/validator/rules/file-name.js';
import { MAIN, python, runRule } from './run-rule.js';

describe('file-name', () => {
  it('accepts any importable module name, folders, and files that are not Python', () => {
    // Prepare
    const files = [
      MAIN,
      python('alpha_model2.py'),
      python('_private.py'),
      python('SourceModelPortfolioConstruction.py'),
      python('utils/math_helpers.py'),
      { name: 'README.md', content: '# x' },
      { name: 'research.ipynb', content: '{}' },
      { name: 'config.json', content: '{}' },
    ];

    // Act
    const findings = runRule(fileNameRule, files);

    // Assess
    expect(findings).toEqual([]);
  });

  it.each([
    [
      'alpha-model.py',
      "'alpha-model.py' cannot be imported by other files: Python module names are letters, digits and '_', not starting with a digit, such as alpha_model.py",
    ],
    ['1st.py', 'such as _1st.py'],
    ['my utils/math.py', 'such as my_utils/math.py'],
  ])('warns that %s cannot be imported', (name, message) => {
    // Act
    const findings = runRule(fileNameRule, [MAIN, { name, content: '' }]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(`${name}:1:1 warning `);
    expect(findings[0]).toContain(message);
  });

  it('reports a file name given twice', () => {
    // Act
    const findings = runRule(fileNameRule, [MAIN, MAIN]);

    // Assess
    expect(findings).toEqual(["main.py:1:1 error 'main.py' appears more than once in the project"]);
  });
});
