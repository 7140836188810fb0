import { AgentRole } from '../../agents/roles.js';
import { optionalEnvironment } from '../../shared/environment.js';
import { ConfigurationError, describeError } from '../../shared/errors.js';
import { OFFLINE_PROVIDER } from '../offline-model.js';
import { PROVIDER_PROFILES, type Provider, type VendorSettings } from '../vendors/index.js';
import {
  configuringVariable,
  formatRoute,
  type ModelRoute,
  OFFLINE_ROUTE,
  VENDOR_PROVIDERS,
} from './providers.js';
import { planRoutes, type RolePlan } from './route-plan.js';

/** The longest a single model call may take: a Lambda runs at most 15 minutes. */
const MAX_TIMEOUT_MS = 900_000;

/** An OpenAI-compatible endpoint such as a local vLLM or Ollama often needs no key; its SDK still wants one. */
const KEYLESS_PLACEHOLDER = 'none';

const ROUTES_EXAMPLE = `{"alpha":"${formatRoute({ provider: 'mistral', model: PROVIDER_PROFILES.mistral.defaultModel })}","risk":"${formatRoute({ provider: 'openai', model: PROVIDER_PROFILES.openai.defaultModel })}"}`;

/** Which model serves each agent role, which vendors back it up, and why; read once from the environment. */
export interface ModelConfiguration {
  /** Vendors that have a key (an OpenAI-compatible endpoint: a base URL), in fallback order. */
  vendors: VendorSettings[];
  roles: Readonly<Record<AgentRole, RolePlan>>;
  /** True when no vendor is configured and the offline model writes everything. */
  offline: boolean;
  /** Per-call timeout from QUANTCODER_MODEL_TIMEOUT_MS; the adapters' own default otherwise. */
  timeoutMs?: number;
}

function readBaseUrl(name: string, environment: NodeJS.ProcessEnv): string | undefined {
  const value = optionalEnvironment(name, environment);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigurationError(
      `${name} is not a valid URL: write an http(s) address such as https://api.example.com/v1.`,
      { cause: error },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      `${name} uses ${url.protocol.replace(/:$/, '')}: write an http(s) address such as https://api.example.com/v1.`,
    );
  }
  return value;
}

function readTimeout(environment: NodeJS.ProcessEnv): number | undefined {
  const name = 'QUANTCODER_MODEL_TIMEOUT_MS';
  const value = optionalEnvironment(name, environment);
  if (value === undefined) return undefined;
  const timeout = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_MS) {
    throw new ConfigurationError(
      `${name} is ${JSON.stringify(value)}: write a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, for example 120000.`,
    );
  }
  return timeout;
}

function readVendor(
  provider: Provider,
  environment: NodeJS.ProcessEnv,
  timeoutMs: number | undefined,
): VendorSettings | undefined {
  const profile = PROVIDER_PROFILES[provider];
  const baseURL = readBaseUrl(profile.baseUrlVariable, environment);
  const apiKey = optionalEnvironment(profile.apiKeyVariable, environment);
  const timeout = timeoutMs === undefined ? {} : { timeoutMs };
  if (provider === 'openai-compatible') {
    if (baseURL === undefined) {
      if (apiKey !== undefined) {
        throw new ConfigurationError(
          `${profile.apiKeyVariable} is set but ${profile.baseUrlVariable} is not: set the endpoint's base URL, for example http://localhost:8000/v1, or unset the key.`,
        );
      }
      return undefined;
    }
    return { provider, apiKey: apiKey ?? KEYLESS_PLACEHOLDER, baseURL, ...timeout };
  }
  if (apiKey === undefined) {
    if (baseURL !== undefined) {
      throw new ConfigurationError(
        `${profile.baseUrlVariable} is set but ${profile.apiKeyVariable} is not: set the key for that endpoint (any placeholder if it needs none), or unset ${profile.baseUrlVariable}.`,
      );
    }
    return undefined;
  }
  return { provider, apiKey, ...(baseURL === undefined ? {} : { baseURL }), ...timeout };
}

function parseRoute(role: AgentRole, value: unknown): ModelRoute {
  const separator = typeof value === 'string' ? value.indexOf(':') : -1;
  if (typeof value !== 'string' || separator <= 0 || separator === value.length - 1) {
    throw new ConfigurationError(
      `QUANTCODER_MODELS routes ${role} to ${JSON.stringify(value)}: write "provider:model", for example ${JSON.stringify(formatRoute({ provider: 'mistral', model: PROVIDER_PROFILES.mistral.defaultModel }))}.`,
    );
  }
  // Split at the first colon only: model names such as Ollama's gpt-oss:20b contain one.
  const provider = value.slice(0, separator).trim();
  const model = value.slice(separator + 1).trim();
  if (provider === OFFLINE_PROVIDER) return OFFLINE_ROUTE;
  const known = VENDOR_PROVIDERS.find((candidate) => candidate === provider);
  if (!known) {
    throw new ConfigurationError(
      `QUANTCODER_MODELS routes ${role} to provider ${JSON.stringify(provider)}; the providers are ${[...VENDOR_PROVIDERS, OFFLINE_PROVIDER].join(', ')}.`,
    );
  }
  return { provider: known, model };
}

function readExplicitRoutes(
  environment: NodeJS.ProcessEnv,
  configured: ReadonlySet<Provider>,
): Partial<Record<AgentRole, ModelRoute>> {
  const text = optionalEnvironment('QUANTCODER_MODELS', environment);
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `QUANTCODER_MODELS is not valid JSON (${describeError(error).message}): write a JSON object from agent role to "provider:model", for example ${ROUTES_EXAMPLE}.`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(
      `QUANTCODER_MODELS must be a JSON object from agent role to "provider:model", for example ${ROUTES_EXAMPLE}.`,
    );
  }
  const routes: Partial<Record<AgentRole, ModelRoute>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const role = AgentRole.safeParse(key);
    if (!role.success) {
      throw new ConfigurationError(
        `QUANTCODER_MODELS names an unknown role ${JSON.stringify(key)}; the roles are ${AgentRole.options.join(', ')}.`,
      );
    }
    const route = parseRoute(role.data, value);
    if (route.provider !== OFFLINE_PROVIDER && !configured.has(route.provider)) {
      throw new ConfigurationError(
        `QUANTCODER_MODELS routes ${role.data} to ${route.provider}, but ${configuringVariable(route.provider)} is not set: set it, or route ${role.data} to a vendor that is configured.`,
      );
    }
    routes[role.data] = route;
  }
  return routes;
}

/**
 * Reads every model setting in one place: vendor keys and endpoints, QUANTCODER_MODELS and
 * QUANTCODER_MODEL_TIMEOUT_MS. Fails fast with a ConfigurationError that names the variable to fix.
 */
export function readModelConfiguration(environment: NodeJS.ProcessEnv = process.env): ModelConfiguration {
  const timeoutMs = readTimeout(environment);
  const vendors = VENDOR_PROVIDERS.map((provider) => readVendor(provider, environment, timeoutMs)).filter(
    (vendor) => vendor !== undefined,
  );
  const configured = new Set(vendors.map((vendor) => vendor.provider));
  const explicit = readExplicitRoutes(environment, configured);
  return {
    vendors,
    roles: planRoutes([...configured], explicit),
    offline: vendors.length === 0,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}
