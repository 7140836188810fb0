import type { Model, ModelRequest, ModelResponse } from '../../../functions/llm/model.js';
import type { VendorSettings } from '../../../functions/llm/vendors/index.js';
import { QuantCoderError, TransientError } from '../../../functions/shared/errors.js';

/** Named like the vendor adapters' errors, which is all the routing looks at. */
export class FakeUnavailableError extends TransientError {
  override readonly name = 'ModelUnavailableError';
}
export class FakeRateLimitError extends TransientError {
  override readonly name = 'ModelRateLimitError';
}
export class FakeAuthenticationError extends QuantCoderError {
  override readonly name = 'ModelAuthenticationError';
}
export class FakeRequestError extends QuantCoderError {
  override readonly name = 'ModelRequestError';
}

/** What a fake vendor does with each call: answer `output`, or throw. */
export type FakeBehaviour = { output: unknown } | { error: () => Error };

/** A Model per vendor and model id whose behaviour a test sets; it records every call. */
export interface FakeVendors {
  factory: (settings: VendorSettings, modelId: string) => Model;
  set(route: string, behaviour: FakeBehaviour): void;
  /** `provider:model` of every call, in order. */
  calls: string[];
  /** The settings each model was built with, by `provider:model`. */
  built: Map<string, VendorSettings>;
}

/** Fakes for the vendor factory: by default every model answers `{ ok: true }` with fixed usage. */
export function createFakeVendors(): FakeVendors {
  const behaviours = new Map<string, FakeBehaviour>();
  const calls: string[] = [];
  const built = new Map<string, VendorSettings>();
  return {
    calls,
    built,
    set: (route, behaviour) => behaviours.set(route, behaviour),
    factory(settings, modelId) {
      const route = `${settings.provider}:${modelId}`;
      built.set(route, settings);
      return {
        provider: settings.provider,
        modelId,
        async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
          calls.push(route);
          const behaviour = behaviours.get(route) ?? { output: { ok: true } };
          if ('error' in behaviour) throw behaviour.error();
          return {
            output: request.schema.parse(behaviour.output),
            usage: { inputTokens: 100, outputTokens: 10, cachedInputTokens: 0 },
            provider: settings.provider,
            model: modelId,
          };
        },
      };
    },
  };
}
