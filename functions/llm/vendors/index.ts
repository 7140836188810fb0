import { ConfigurationError } from '../../shared/errors.js';
import type { Model, ModelRequest, ModelResponse } from '../model.js';
import {
  type Provider,
  type ResolvedVendorSettings,
  resolveVendorSettings,
  type VendorSettings,
} from './vendor-settings.js';

export {
  ModelAnswerError,
  ModelAuthenticationError,
  ModelRateLimitError,
  ModelRequestError,
  ModelUnavailableError,
  type VendorError,
  type VendorErrorDetails,
} from './errors.js';
export { MAX_REPAIR_ATTEMPTS } from './structured-output.js';
export {
  CLAUDE_SONNET,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEVSTRAL,
  GPT_OSS_20B,
  PROVIDER_PROFILES,
  Provider,
  type ProviderProfile,
  StructuredOutputMode,
  type VendorSettings,
} from './vendor-settings.js';

type AdapterFactory = (settings: ResolvedVendorSettings, modelId: string) => Model;

/**
 * Each adapter pulls in its vendor's SDK (together about 1.7 MB); imported on a model's first call, so a
 * stage that builds a router but never asks a model does not load them.
 */
const ADAPTERS: Readonly<Record<Provider, () => Promise<AdapterFactory>>> = {
  anthropic: async () => (await import('./anthropic-model.js')).createAnthropicModel,
  mistral: async () => (await import('./mistral-model.js')).createMistralModel,
  openai: async () => (await import('./openai-model.js')).createOpenAIModel,
  'openai-compatible': async () => (await import('./openai-model.js')).createOpenAIModel,
  deepseek: async () => (await import('./openai-model.js')).createOpenAIModel,
};

/**
 * Builds the Model for one vendor and model id, on the vendor's official SDK with its own client.
 * Settings are checked first; a missing key or address is a ConfigurationError naming the variable.
 */
export function createVendorModel(settings: VendorSettings, modelId: string): Model {
  const resolved = resolveVendorSettings(settings);
  if (modelId.trim().length === 0) {
    throw new ConfigurationError(
      `No model id given for ${resolved.profile.label}: name one in QUANTCODER_MODELS as "${resolved.provider}:<model>".`,
    );
  }
  let adapter: Promise<Model> | undefined;
  return {
    provider: resolved.provider,
    modelId,
    async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      adapter ??= ADAPTERS[resolved.provider]().then((create) => create(resolved, modelId));
      return (await adapter).generate(request);
    },
  };
}
