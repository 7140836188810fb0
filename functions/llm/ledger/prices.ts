/**
 * The offline model's provider name (OFFLINE_PROVIDER), spelled here so the ledger, which every stage's
 * bundle holds, does not pull the offline model in with it.
 */
const OFFLINE_PROVIDER_NAME = 'offline';

/** US dollars per million tokens of each kind. */
export interface TokenPrices {
  /** Input not served from a cache. */
  input: number;
  /** Input served from a prompt cache. */
  cachedInput: number;
  /** Input written to a prompt cache (Anthropic bills it above the input rate; others at the input rate). */
  cacheWrite: number;
  output: number;
}

interface VendorPriceList {
  /** The page the figures come from. */
  source: string;
  models: Readonly<Record<string, TokenPrices>>;
}

/**
 * The day this table was last checked. Prices change: check the sources below before trusting a total,
 * and date the table again when you do.
 */
export const PRICE_TABLE_AS_OF = '2026-11-24';

/** The offline model calls no vendor, so it costs nothing. */
export const ZERO_PRICES: TokenPrices = { input: 0, cachedInput: 0, cacheWrite: 0, output: 0 };

function uniform(input: number, cachedInput: number, output: number): TokenPrices {
  // Vendors other than Anthropic do not charge extra to fill their automatic prompt caches.
  return { input, cachedInput, cacheWrite: input, output };
}

const PRICE_LISTS: Readonly<Record<string, VendorPriceList>> = {
  // Source: Anthropic's pricing page and model overviews (platform.claude.com/docs/en/about-claude/pricing).
  // Cache writes at the 5-minute rate (1.25x input), the default the Anthropic adapter uses.
  anthropic: {
    source: 'https://platform.claude.com/docs/en/about-claude/pricing',
    models: {
      'claude-sonnet-4-6': { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 },
      'claude-sonnet-4-5': { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 },
      'claude-haiku-4-5': { input: 1, cachedInput: 0.1, cacheWrite: 1.25, output: 5 },
      'claude-opus-4-5': { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 },
      'claude-opus-4-6': { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 },
    },
  },
  // Source: OpenAI's API pricing page (openai.com/api/pricing), standard tier; cached input as listed there.
  openai: {
    source: 'https://openai.com/api/pricing',
    models: {
      'gpt-5': uniform(1.25, 0.125, 10),
      'gpt-5-mini': uniform(0.25, 0.025, 2),
      'gpt-5-nano': uniform(0.05, 0.005, 0.4),
      'gpt-4.1': uniform(2, 0.5, 8),
      'gpt-4.1-mini': uniform(0.4, 0.1, 1.6),
    },
  },
  // Source: Mistral's model pages (docs.mistral.ai/models). No cached-input rate is listed, so cached
  // tokens are counted at the input rate: an upper bound, not a guess at a discount.
  mistral: {
    source: 'https://docs.mistral.ai/models',
    models: {
      'devstral-2512': uniform(0.4, 0.4, 2),
    },
  },
  // Source: DeepSeek's Models & Pricing page (api-docs.deepseek.com/quick_start/pricing), cache hit / miss / output.
  deepseek: {
    source: 'https://api-docs.deepseek.com/quick_start/pricing',
    models: {
      'deepseek-v4-flash': uniform(0.14, 0.0028, 0.28),
    },
  },
  // An OpenAI-compatible endpoint costs whatever its host charges (or nothing, self-hosted): no price on file.
};

/** Strips a dated snapshot suffix (claude-…-20250929, gpt-…-2025-08-07) so a snapshot finds its model's price. */
function baseModelId(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/-\d{8}$/, '')
    .replace(/-\d{4}-\d{2}-\d{2}$/, '');
}

/** The prices of a provider's model: zero for the offline model, undefined when the table does not know it. */
export function findPrices(provider: string, model: string): TokenPrices | undefined {
  if (provider === OFFLINE_PROVIDER_NAME) return ZERO_PRICES;
  const list = ownEntry(PRICE_LISTS, provider);
  if (!list) return undefined;
  return ownEntry(list.models, model) ?? ownEntry(list.models, baseModelId(model));
}

/** Model names come from vendor responses: never let one reach an inherited property such as `constructor`. */
function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
