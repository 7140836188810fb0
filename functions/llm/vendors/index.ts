import { ConfigurationError } from '../../shared/errors.js';
import type { Model } from '../model.js';
import { createAnthropicModel } from './anthropic-model.js';
import { createMistralModel } from './mistral-model.js';
import { createOpenAIModel } from './openai-model.js';
import { resolveVendorSettings, type VendorSettings } from './vendor-settings.js';

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
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  PROVIDER_PROFILES,
  Provider,
  type ProviderProfile,
  StructuredOutputMode,
  type VendorSettings,
} from './vendor-settings.js';

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
  switch (resolved.provider) {
    case 'anthropic':
      return createAnthropicModel(resolved, modelId);
    case 'mistral':
      return createMistralModel(resolved, modelId);
    case 'openai':
    case 'openai-compatible':
    case 'deepseek':
      return createOpenAIModel(resolved, modelId);
  }
}
