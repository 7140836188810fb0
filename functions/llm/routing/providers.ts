import type { AgentRole } from '../../agents/roles.js';
import { OFFLINE_MODEL_ID, OFFLINE_PROVIDER } from '../offline-model.js';
import type { Provider } from '../vendors/index.js';

/** Every vendor a route may name, in the order fallbacks are tried. */
export const VENDOR_PROVIDERS = [
  'anthropic',
  'openai',
  'mistral',
  'deepseek',
  'openai-compatible',
] as const satisfies readonly Provider[];

/** A route names a vendor, or the offline model when no vendor is configured at all. */
export type RouteProvider = Provider | typeof OFFLINE_PROVIDER;

/** One model behind one vendor, or the offline model. */
export interface ModelRoute {
  provider: RouteProvider;
  model: string;
}

/** A route to a vendor, never the offline model. */
export interface VendorRoute extends ModelRoute {
  provider: Provider;
}

/** The environment variables of one vendor and the model it serves when a role falls back to it. */
export interface VendorProfile {
  provider: Provider;
  /** Without it the vendor is not configured (openai-compatible: the base URL instead). */
  keyVariable: string;
  baseUrlVariable: string;
  defaultModel: string;
}

/**
 * Claude Sonnet 4.6 rather than 4.5: Anthropic retires claude-sonnet-4-5 on 2026-11-30, and the Sonnet 5.5
 * line rejects the forced tool choice the Anthropic adapter uses for structured output.
 */
export const CLAUDE_SONNET = 'claude-sonnet-4-6';
/** Devstral 2 (devstral-medium-2507 was retired by Mistral on 2026-05-31). */
export const DEVSTRAL = 'devstral-2512';
/** The open-weight gpt-oss-20b under the name vLLM, Groq and OpenRouter serve it by; Ollama calls it gpt-oss:20b. */
export const GPT_OSS_20B = 'openai/gpt-oss-20b';

export const VENDOR_PROFILES: Readonly<Record<Provider, VendorProfile>> = {
  anthropic: {
    provider: 'anthropic',
    keyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultModel: CLAUDE_SONNET,
  },
  openai: {
    provider: 'openai',
    keyVariable: 'OPENAI_API_KEY',
    baseUrlVariable: 'OPENAI_BASE_URL',
    defaultModel: 'gpt-5-mini',
  },
  mistral: {
    provider: 'mistral',
    keyVariable: 'MISTRAL_API_KEY',
    baseUrlVariable: 'MISTRAL_BASE_URL',
    defaultModel: DEVSTRAL,
  },
  deepseek: {
    provider: 'deepseek',
    keyVariable: 'DEEPSEEK_API_KEY',
    // Not in the list, but it lets a proxy or a loopback fake stand in, like the other vendors.
    baseUrlVariable: 'DEEPSEEK_BASE_URL',
    // deepseek-chat was retired on 2026-07-24; V4 Flash is what it pointed to.
    defaultModel: 'deepseek-v4-flash',
  },
  'openai-compatible': {
    provider: 'openai-compatible',
    keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
    baseUrlVariable: 'OPENAI_COMPATIBLE_BASE_URL',
    defaultModel: GPT_OSS_20B,
  },
};

/** The design's model per role: a reasoning model to plan and to judge, a code model to write, a cheap one where it is enough. */
export const ROLE_DEFAULTS: Readonly<Record<AgentRole, VendorRoute>> = {
  coordinator: { provider: 'anthropic', model: CLAUDE_SONNET },
  universe: { provider: 'mistral', model: DEVSTRAL },
  alpha: { provider: 'mistral', model: DEVSTRAL },
  portfolio: { provider: 'openai-compatible', model: GPT_OSS_20B },
  risk: { provider: 'anthropic', model: CLAUDE_SONNET },
  strategy: { provider: 'anthropic', model: CLAUDE_SONNET },
  integration: { provider: 'anthropic', model: CLAUDE_SONNET },
  refine: { provider: 'anthropic', model: CLAUDE_SONNET },
};

export const OFFLINE_ROUTE: ModelRoute = { provider: OFFLINE_PROVIDER, model: OFFLINE_MODEL_ID };

/** `provider:model`, the form QUANTCODER_MODELS uses. */
export function formatRoute(route: ModelRoute): string {
  return `${route.provider}:${route.model}`;
}

/** What configures a vendor, for messages: its key, or the base URL of an OpenAI-compatible endpoint. */
export function configuringVariable(provider: Provider): string {
  return provider === 'openai-compatible'
    ? VENDOR_PROFILES[provider].baseUrlVariable
    : VENDOR_PROFILES[provider].keyVariable;
}
