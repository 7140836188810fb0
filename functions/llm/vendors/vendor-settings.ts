import { z } from 'zod';
import { ConfigurationError } from '../../shared/errors.js';

export const Provider = z.enum(['anthropic', 'openai', 'mistral', 'openai-compatible', 'deepseek']);
export type Provider = z.infer<typeof Provider>;

/**
 * How a model is asked for structured output: `json-schema` uses the vendor's schema-constrained
 * mechanism (Anthropic forced tool use, OpenAI/Mistral `json_schema`); `json-mode` asks for any JSON
 * object and puts the schema in the prompt, for endpoints without schema support (DeepSeek).
 */
export const StructuredOutputMode = z.enum(['json-schema', 'json-mode']);
export type StructuredOutputMode = z.infer<typeof StructuredOutputMode>;

/** How to reach one vendor; the routing configuration builds these, tests point `baseURL` at loopback. */
export interface VendorSettings {
  provider: Provider;
  /** For an openai-compatible endpoint without a key, pass a placeholder such as 'none'. */
  apiKey: string;
  /** The vendor's API root as its SDK expects it (OpenAI's includes `/v1`, Anthropic's and Mistral's do not). */
  baseURL?: string;
  /** Per HTTP attempt; default 120 s. */
  timeoutMs?: number;
  /** Retries of one call on 408, 409, 429, 5xx, connection errors and timeouts; default 3. */
  maxRetries?: number;
  /** Default: `json-mode` for deepseek, `json-schema` for every other provider. */
  structuredOutput?: StructuredOutputMode;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_RETRIES = 3;

/**
 * Claude Sonnet 4.6 rather than 4.5: Anthropic retires claude-sonnet-4-5 on 2026-11-30, and the Sonnet 5.5
 * line rejects the forced tool choice the Anthropic adapter uses for structured output.
 */
export const CLAUDE_SONNET = 'claude-sonnet-4-6';
/** Devstral 2 (devstral-medium-2507 was retired by Mistral on 2026-05-31). */
export const DEVSTRAL = 'devstral-2512';
/** The open-weight gpt-oss-20b under the name vLLM, Groq and OpenRouter serve it by; Ollama calls it gpt-oss:20b. */
export const GPT_OSS_20B = 'openai/gpt-oss-20b';

/** One provider's environment variables, where it is by default, and the model a role falls back to on it. */
export interface ProviderProfile {
  label: string;
  /** Without it the vendor is not configured (openai-compatible: the base URL instead). */
  apiKeyVariable: string;
  baseUrlVariable: string;
  /** Undefined where there is no public default: an openai-compatible endpoint must be named. */
  defaultBaseURL?: string;
  defaultModel: string;
}

/**
 * The one table of providers, in fallback order: the routing configuration, the messages and the secret's
 * names read it.
 */
export const PROVIDER_PROFILES: Readonly<Record<Provider, ProviderProfile>> = {
  anthropic: {
    label: 'Anthropic',
    apiKeyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseURL: 'https://api.anthropic.com',
    defaultModel: CLAUDE_SONNET,
  },
  openai: {
    label: 'OpenAI',
    apiKeyVariable: 'OPENAI_API_KEY',
    baseUrlVariable: 'OPENAI_BASE_URL',
    defaultBaseURL: 'https://api.openai.com/v1',
    defaultModel: 'gpt-5-mini',
  },
  mistral: {
    label: 'Mistral',
    apiKeyVariable: 'MISTRAL_API_KEY',
    baseUrlVariable: 'MISTRAL_BASE_URL',
    defaultBaseURL: 'https://api.mistral.ai',
    defaultModel: DEVSTRAL,
  },
  deepseek: {
    label: 'DeepSeek',
    apiKeyVariable: 'DEEPSEEK_API_KEY',
    // Lets a proxy or a loopback fake stand in, as for the other vendors.
    baseUrlVariable: 'DEEPSEEK_BASE_URL',
    defaultBaseURL: 'https://api.deepseek.com',
    // deepseek-chat was retired on 2026-07-24; V4 Flash is what it pointed to.
    defaultModel: 'deepseek-v4-flash',
  },
  'openai-compatible': {
    label: 'The OpenAI-compatible endpoint',
    apiKeyVariable: 'OPENAI_COMPATIBLE_API_KEY',
    baseUrlVariable: 'OPENAI_COMPATIBLE_BASE_URL',
    defaultModel: GPT_OSS_20B,
  },
};

/** Settings with every default applied; what the adapters work from. */
export interface ResolvedVendorSettings {
  provider: Provider;
  apiKey: string;
  baseURL: string;
  timeoutMs: number;
  maxRetries: number;
  structuredOutput: StructuredOutputMode;
  profile: ProviderProfile;
}

const SettingsShape = z.object({
  provider: Provider,
  apiKey: z.string().trim().min(1),
  baseURL: z.url({ protocol: /^https?$/ }).optional(),
  timeoutMs: z.number().int().positive().max(3_600_000).optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  structuredOutput: StructuredOutputMode.optional(),
});

function describeIssue(providerName: unknown, path: PropertyKey[]): string {
  const provider = Provider.safeParse(providerName);
  const profile = provider.success ? PROVIDER_PROFILES[provider.data] : undefined;
  const field = String(path[0] ?? 'settings');
  if (field === 'apiKey' && profile) return `set ${profile.apiKeyVariable} to the ${profile.label} API key`;
  if (field === 'baseURL' && profile) return `set ${profile.baseUrlVariable} to an http(s) URL`;
  if (field === 'provider') return `the provider must be one of ${Provider.options.join(', ')}`;
  return `${field} is not valid`;
}

/** Checks settings from the routing configuration and applies the defaults; a problem names the variable. */
export function resolveVendorSettings(settings: VendorSettings): ResolvedVendorSettings {
  const parsed = SettingsShape.safeParse(settings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(settings?.provider, issue.path));
    throw new ConfigurationError(
      `Model vendor settings are not usable: ${[...new Set(problems)].join('; ')}.`,
      {
        cause: parsed.error,
      },
    );
  }
  const { provider } = parsed.data;
  const profile = PROVIDER_PROFILES[provider];
  const baseURL = parsed.data.baseURL ?? profile.defaultBaseURL;
  if (!baseURL) {
    throw new ConfigurationError(`${profile.label} has no default address: set ${profile.baseUrlVariable}.`);
  }
  return {
    provider,
    apiKey: parsed.data.apiKey,
    baseURL,
    timeoutMs: parsed.data.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: parsed.data.maxRetries ?? DEFAULT_MAX_RETRIES,
    structuredOutput: parsed.data.structuredOutput ?? (provider === 'deepseek' ? 'json-mode' : 'json-schema'),
    profile,
  };
}
