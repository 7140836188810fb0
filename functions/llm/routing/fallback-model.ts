import type { AgentRole } from '../../agents/roles.js';
import { TransientError } from '../../shared/errors.js';
import type { Model, ModelRequest, ModelResponse } from '../model.js';

/**
 * Errors after which the next vendor is tried: the vendor stayed down or kept rate-limiting after the
 * adapter's own retries. Matched by name, the same contract Step Functions' Retry uses. An authentication,
 * request or output error is not here: another vendor would hide a key or a prompt the user must fix.
 */
export const FALLBACK_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ModelUnavailableError',
  'ModelRateLimitError',
]);

/** Every model in a role's chain stayed down; worth retrying later, as a whole. */
export class ModelsUnavailableError extends TransientError {
  override readonly name: string = 'ModelsUnavailableError';
}

/** Tells the caller a vendor was skipped, so the switch is logged rather than silent. */
export type FallbackListener = (event: { role: AgentRole; from: Model; to: Model; error: Error }) => void;

function label(model: Model): string {
  return `${model.provider}:${model.modelId}`;
}

function shouldFallBack(error: unknown): error is Error {
  return error instanceof Error && FALLBACK_ERROR_NAMES.has(error.name);
}

/**
 * One Model over a chain: the first serves, and each later one is tried only when the one before it stayed
 * down. The response names whichever model actually answered.
 */
export function createFallbackModel(
  chain: readonly [Model, ...Model[]],
  options: { onFallback?: FallbackListener } = {},
): Model {
  const [primary] = chain;
  if (chain.length === 1) return primary;
  return {
    provider: primary.provider,
    modelId: primary.modelId,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const failures: Array<{ model: Model; error: Error }> = [];
      for (const [index, model] of chain.entries()) {
        try {
          return await model.generate(request);
        } catch (error) {
          if (!shouldFallBack(error) || request.signal?.aborted) throw error;
          failures.push({ model, error });
          const next = chain[index + 1];
          if (next) options.onFallback?.({ role: request.role, from: model, to: next, error });
        }
      }
      const tried = failures
        .map((failure) => `${label(failure.model)} (${failure.error.message})`)
        .join('; ');
      throw new ModelsUnavailableError(
        `Every model for the ${request.role} agent is unavailable: ${tried}. Try again later, or route ${request.role} elsewhere with QUANTCODER_MODELS.`,
        { cause: failures.at(-1)?.error },
      );
    },
  };
}
