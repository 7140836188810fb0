import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../functions/pipeline/stages/finish.js';
import { freshState } from './run-state-fixtures.js';

describe('describeFailure', () => {
  it('reads the stage and message from a Lambda error cause', () => {
    // Prepare: what Step Functions puts in a Catch's ResultPath when a Lambda throws
    const state = freshState({
      error: {
        Error: 'ModelOutputError',
        Cause: JSON.stringify({
          errorType: 'ModelOutputError',
          errorMessage:
            'stage alpha: The alpha agent returned class Foo, the contract names MomentumAlphaModel.',
          trace: ['ModelOutputError: ...'],
        }),
      },
    });

    // Act
    const failure = describeFailure(state);

    // Assess
    expect(failure).toEqual({
      stage: 'alpha',
      reason: 'ModelOutputError',
      message: 'The alpha agent returned class Foo, the contract names MomentumAlphaModel.',
    });
  });

  it('reads a local cause, which is the message itself', () => {
    // Act
    const failure = describeFailure(
      freshState({ error: { Error: 'TransientError', Cause: 'stage validate: queued' } }),
    );

    // Assess
    expect(failure).toEqual({ stage: 'validate', reason: 'TransientError', message: 'queued' });
  });

  it('adds the last error to an exhausted loop', () => {
    // Prepare
    const report = { key: 'run-1/validation/attempt-1.json', sha256: 'a'.repeat(64), bytes: 2 };
    const state = freshState({
      failure: { stage: 'validate', reason: 'validation_failed', message: 'Still broken.' },
      validation: {
        attempt: 1,
        ok: false,
        phase: 'static',
        errorCount: 1,
        warningCount: 0,
        report,
        diagnostics: [
          {
            file: 'alpha.py',
            line: 3,
            column: 1,
            severity: 'error',
            rule: 'syntax-error',
            message: "missing ':'",
            source: 'static',
          },
        ],
      },
    });

    // Act
    const failure = describeFailure(state);

    // Assess
    expect(failure.message).toBe("Still broken. Last error: missing ':'");
  });
});
