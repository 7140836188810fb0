import type { AgentRole } from '../../agents/roles.js';
import { OFFLINE_MODEL_ID, OFFLINE_PROVIDER } from '../offline-model.js';
import { CLAUDE_SONNET, DEVSTRAL, GPT_OSS_20B, PROVIDER_PROFILES, type Provider } from '../vendors/index.js';

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
  const profile = PROVIDER_PROFILES[provider];
  return provider === 'openai-compatible' ? profile.baseUrlVariable : profile.apiKeyVariable;
}
