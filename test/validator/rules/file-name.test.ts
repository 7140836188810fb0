import { describe, expect, it } from 'vitest';
import { fileNameRule } from '../../../functions/validator/rules/file-name.js';
import { MAIN, python, runRule } from './run-rule.js';

describe('file-name', () => {
  it('accepts lower-case modules and README.md', () => {
    // Prepare
    const files = [
      MAIN,
      python('alpha_model2.py'),
      python('_private.py'),
      { name: 'README.md', content: '# x' },
    ];

    // Act
    const findings = runRule(fileNameRule, files);

    // Assess
    expect(findings).toEqual([]);
  });

  it.each([
    [
      'Alpha.py',
      "'Alpha.py' is not a valid module file name: use lower-case letters, digits and '_' at the project root, such as alpha.py",
    ],
    ['MomentumAlpha.py', 'such as momentum_alpha.py'],
    ['alpha-model.py', 'such as alpha_model.py'],
    ['1st.py', 'such as _1st.py'],
    ['utils/math.py', 'such as utils_math.py'],
    [
      'config.json',
      "'config.json' is not a Python file: a QuantConnect project holds .py modules and README.md only",
    ],
    ['readme.md', "'readme.md' is not a Python file"],
  ])('reports %s', (name, message) => {
    // Act
    const findings = runRule(fileNameRule, [MAIN, { name, content: '' }]);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(`${name}:1:1 error `);
    expect(findings[0]).toContain(message);
  });

  it('reports a file name given twice', () => {
    // Act
    const findings = runRule(fileNameRule, [MAIN, MAIN]);

    // Assess
    expect(findings).toEqual(["main.py:1:1 error 'main.py' appears more than once in the project"]);
  });
});
