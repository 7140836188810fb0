import { AgentRole } from '../../agents/roles.js';
import { findPrices, PRICE_TABLE_AS_OF } from '../ledger/prices.js';
import type { Provider } from '../vendors/index.js';
import type { ModelConfiguration } from './configuration.js';
import { configuringVariable, formatRoute, type ModelRoute, VENDOR_PROVIDERS } from './providers.js';

/** The routing as `quantcoder models --json` prints it: no key and no endpoint address, only whether one is set. */
export interface RoutingDescription {
  offline: boolean;
  timeoutMs?: number;
  pricesAsOf: string;
  vendors: Array<{ provider: Provider; configuredBy: string; customEndpoint: boolean }>;
  roles: Array<{
    role: AgentRole;
    model: string;
    fallbacks: string[];
    reason: string;
    /** USD per million input and output tokens; null when the price table does not know the model. */
    pricePerMillion: { input: number; output: number } | null;
  }>;
}

function pricePerMillion(route: ModelRoute): RoutingDescription['roles'][number]['pricePerMillion'] {
  const prices = findPrices(route.provider, route.model);
  return prices ? { input: prices.input, output: prices.output } : null;
}

/** The effective routing as data: every role's model, its fallbacks and why, and which vendors are set. */
export function describeRoutingJson(configuration: ModelConfiguration): RoutingDescription {
  return {
    offline: configuration.offline,
    ...(configuration.timeoutMs === undefined ? {} : { timeoutMs: configuration.timeoutMs }),
    pricesAsOf: PRICE_TABLE_AS_OF,
    vendors: configuration.vendors.map((vendor) => ({
      provider: vendor.provider,
      configuredBy: configuringVariable(vendor.provider),
      customEndpoint: vendor.baseURL !== undefined,
    })),
    roles: AgentRole.options
      .map((role) => configuration.roles[role])
      .map((plan) => ({
        role: plan.role,
        model: formatRoute(plan.primary),
        fallbacks: plan.fallbacks.map(formatRoute),
        reason: plan.reason,
        pricePerMillion: pricePerMillion(plan.primary),
      })),
  };
}

function formatPrice(price: RoutingDescription['roles'][number]['pricePerMillion']): string {
  return price ? `$${price.input} in / $${price.output} out` : 'price unknown';
}

/** The effective routing as lines for `quantcoder models`: role, model, fallbacks, price and why. */
export function describeRouting(configuration: ModelConfiguration): string[] {
  const description = describeRoutingJson(configuration);
  const vendors =
    description.vendors.length === 0
      ? `Vendors: none configured (set one of ${VENDOR_PROVIDERS.map(configuringVariable).join(', ')}); the offline model writes everything.`
      : `Vendors: ${description.vendors
          .map((vendor) => {
            // An OpenAI-compatible endpoint is configured by its base URL, so a custom endpoint goes without saying.
            const custom = vendor.customEndpoint && vendor.provider !== 'openai-compatible';
            return `${vendor.provider} (${vendor.configuredBy}${custom ? ', custom endpoint' : ''})`;
          })
          .join(', ')}.`;
  const modelWidth = Math.max(...description.roles.map((role) => role.model.length), 'model'.length);
  const fallbackTexts = description.roles.map((role) => role.fallbacks.join(', ') || '–');
  const fallbackWidth = Math.max(...fallbackTexts.map((text) => text.length), 'fallbacks'.length);
  const priceTexts = description.roles.map((role) => formatPrice(role.pricePerMillion));
  const priceWidth = Math.max(...priceTexts.map((text) => text.length), 'price per M tokens'.length);
  const row = (role: string, model: string, fallbacks: string, price: string, why: string) =>
    `  ${role.padEnd(12)} ${model.padEnd(modelWidth)}  ${fallbacks.padEnd(fallbackWidth)}  ${price.padEnd(priceWidth)}  ${why}`;
  return [
    vendors,
    ...(description.timeoutMs === undefined ? [] : [`Per-call timeout: ${description.timeoutMs} ms.`]),
    '',
    row('role', 'model', 'fallbacks', 'price per M tokens', 'why'),
    ...description.roles.map((role, index) =>
      row(role.role, role.model, fallbackTexts[index] ?? '', priceTexts[index] ?? '', role.reason),
    ),
    '',
    `Prices from the table of ${description.pricesAsOf}. Change a route with QUANTCODER_MODELS, a JSON object from role to "provider:model".`,
  ];
}
