import { describe, expect, it } from 'vitest';
import { optionalEnvironment, requireEnvironment } from '../../functions/shared/environment.js';
import { ConfigurationError } from '../../functions/shared/errors.js';

describe('requireEnvironment', () => {
  it('returns the trimmed value', () => {
    expect(requireEnvironment('BUCKET', 'the bucket', { BUCKET: ' runs ' })).toBe('runs');
  });

  it('names the variable and its purpose when it is missing or blank', () => {
    // Act and assess
    for (const environment of [{}, { BUCKET: '  ' }]) {
      expect(() => requireEnvironment('BUCKET', 'the bucket runs are written to', environment)).toThrowError(
        new ConfigurationError('Set BUCKET: the bucket runs are written to.'),
      );
    }
  });
});

describe('optionalEnvironment', () => {
  it('treats blank as unset', () => {
    expect(optionalEnvironment('X', { X: ' ' })).toBeUndefined();
    expect(optionalEnvironment('X', { X: 'y' })).toBe('y');
  });
});
