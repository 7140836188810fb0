import type { AgentRole } from '../../agents/roles.js';
import { OFFLINE_PROVIDER } from '../offline-model.js';
import { PROVIDER_PROFILES, type Provider } from '../vendors/index.js';
import {
  configuringVariable,
  type ModelRoute,
  OFFLINE_ROUTE,
  ROLE_DEFAULTS,
  VENDOR_PROVIDERS,
  type VendorRoute,
} from './providers.js';

/** Who serves one role: the primary route, the vendors tried when it stays down, and why. */
export interface RolePlan {
  role: AgentRole;
  primary: ModelRoute;
  /** Other configured vendors, each with its default model; never the offline model. */
  fallbacks: ModelRoute[];
  reason: string;
}

export const REASON_DEFAULT = 'default';
export const REASON_EXPLICIT = 'QUANTCODER_MODELS';
export const REASON_OFFLINE = 'offline: no vendor key set';

function vendorRoute(provider: Provider): VendorRoute {
  return { provider, model: PROVIDER_PROFILES[provider].defaultModel };
}

function fallbacksFor(primary: ModelRoute, configured: readonly Provider[]): ModelRoute[] {
  if (primary.provider === OFFLINE_PROVIDER) return [];
  return configured.filter((provider) => provider !== primary.provider).map(vendorRoute);
}

function planRole(
  role: AgentRole,
  configured: readonly Provider[],
  explicit: ModelRoute | undefined,
): RolePlan {
  if (explicit) {
    return {
      role,
      primary: explicit,
      fallbacks: fallbacksFor(explicit, configured),
      reason: REASON_EXPLICIT,
    };
  }
  const first = configured[0];
  if (first === undefined) return { role, primary: OFFLINE_ROUTE, fallbacks: [], reason: REASON_OFFLINE };
  const preferred = ROLE_DEFAULTS[role];
  if (configured.includes(preferred.provider)) {
    return {
      role,
      primary: preferred,
      fallbacks: fallbacksFor(preferred, configured),
      reason: REASON_DEFAULT,
    };
  }
  const primary = vendorRoute(first);
  return {
    role,
    primary,
    fallbacks: fallbacksFor(primary, configured),
    reason: `no ${configuringVariable(preferred.provider)}: default fell back to ${first}`,
  };
}

/**
 * Plans every role: an explicit route wins; otherwise the design's default when its vendor is configured,
 * else the first configured vendor; the offline model only when no vendor is configured at all.
 * `configured` is in fallback order.
 */
export function planRoutes(
  configured: readonly Provider[],
  explicit: Partial<Record<AgentRole, ModelRoute>> = {},
): Record<AgentRole, RolePlan> {
  const ordered = VENDOR_PROVIDERS.filter((provider) => configured.includes(provider));
  const plan = (role: AgentRole): RolePlan => planRole(role, ordered, explicit[role]);
  return {
    coordinator: plan('coordinator'),
    universe: plan('universe'),
    alpha: plan('alpha'),
    portfolio: plan('portfolio'),
    risk: plan('risk'),
    strategy: plan('strategy'),
    integration: plan('integration'),
    refine: plan('refine'),
  };
}
