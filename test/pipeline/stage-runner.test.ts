import { describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import type { Deps } from '../../functions/pipeline/deps.js';
import type { Stage } from '../../functions/pipeline/stage.js';
import { runStage } from '../../functions/pipeline/stage-runner.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import { createDiskArtifactStore } from '../../functions/shared/disk-artifact-store.js';
import { ConfigurationError, TransientError } from '../../functions/shared/errors.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { silentNotifier } from '../../functions/shared/notifier.js';
import { freshState } from './run-state-fixtures.js';

class VendorDownError extends TransientError {
  override readonly name = 'VendorDownError';
}

function deps(): Deps {
  const offline = createOfflineModel();
  return {
    models: () => offline,
    store: createDiskArtifactStore('/nonexistent-quantcoder-test-root'),
    quantConnect: createInProcessEmulator({ compileCheck: () => [] }),
    notifier: silentNotifier,
    logger: silentLogger,
    now: () => new Date('2026-01-02T03:04:05Z'),
    sleep: async () => {},
  };
}

function failingWith(error: Error): Stage {
  return {
    kind: 'step',
    run: async () => {
      throw error;
    },
  };
}

describe('runStage', () => {
  it('names every TransientError subclass TransientError, so the Retry catches it, and keeps the class in the message', async () => {
    // Act
    const outcome = runStage(
      'poll-backtest',
      failingWith(new VendorDownError('503 from upstream')),
      freshState(),
      deps(),
    );

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'TransientError',
      message: 'stage poll-backtest: VendorDownError: 503 from upstream',
    });
  });

  it("keeps any other error's own name for the Catch and the failure report", async () => {
    // Act
    const outcome = runStage(
      'plan',
      failingWith(new ConfigurationError('set ANTHROPIC_API_KEY')),
      freshState(),
      deps(),
    );

    // Assess
    await expect(outcome).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: 'stage plan: set ANTHROPIC_API_KEY',
    });
  });
});
