import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, similarNames } from '../../functions/validator/similar-names.js';

describe('similar-names', () => {
  it('measures edit distance without regard to case', () => {
    // Act
    const distances = [
      editDistance('alpha', 'alhpa'),
      editDistance('Alpha', 'alpha'),
      editDistance('', 'abc'),
    ];

    // Assess
    expect(distances).toEqual([2, 0, 3]);
  });

  it('suggests misspellings and names that contain one another, best first', () => {
    // Act
    const suggestions = similarNames('MomentumAlpha', ['MomentumAlphaModel', 'RiskModel', 'MomentumAlphq']);

    // Assess
    expect(suggestions).toEqual(['MomentumAlphq', 'MomentumAlphaModel']);
  });

  it('phrases suggestions as a question', () => {
    // Act
    const phrases = [didYouMean([]), didYouMean(['a']), didYouMean(['a', 'b', 'c'])];

    // Assess
    expect(phrases).toEqual(['', " (did you mean 'a'?)", " (did you mean 'a', 'b' or 'c'?)"]);
  });
});
