import type { TokenUsage } from '../model.js';
import { estimateTokens, wholeTokens } from '../token-estimate.js';

/** Adds two calls' usage; `cacheWriteTokens` stays absent unless a vendor reported it. */
export function addUsage(left: TokenUsage, right: TokenUsage): TokenUsage {
  const sum: TokenUsage = {
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    cachedInputTokens: left.cachedInputTokens + right.cachedInputTokens,
  };
  if (left.cacheWriteTokens !== undefined || right.cacheWriteTokens !== undefined) {
    sum.cacheWriteTokens = (left.cacheWriteTokens ?? 0) + (right.cacheWriteTokens ?? 0);
  }
  return sum;
}

/** Anthropic's usage block: `input_tokens` excludes cache reads and writes, so all three are added. */
export interface AnthropicUsageFields {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

/** Token usage from an Anthropic response: input counts cached and written tokens too. */
export function anthropicUsage(usage: AnthropicUsageFields): TokenUsage {
  const cacheRead = wholeTokens(usage.cache_read_input_tokens);
  const cacheWrite = wholeTokens(usage.cache_creation_input_tokens);
  return {
    inputTokens: wholeTokens(usage.input_tokens) + cacheRead + cacheWrite,
    outputTokens: wholeTokens(usage.output_tokens),
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
  };
}

/** The chat-completions usage block as OpenAI, DeepSeek and Mistral send it; `prompt_tokens` includes cached ones. */
export interface ChatUsageFields {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  /** DeepSeek's own count of prompt tokens served from its disk cache. */
  prompt_cache_hit_tokens?: number | null;
  /** Mistral's alternative spelling. */
  num_cached_tokens?: number | null;
}

/** Token usage from a chat-completions response; cached = whatever cache count the vendor reported, else 0. */
export function chatUsage(usage: ChatUsageFields): TokenUsage {
  const cached =
    usage.prompt_cache_hit_tokens ?? usage.prompt_tokens_details?.cached_tokens ?? usage.num_cached_tokens;
  return {
    inputTokens: wholeTokens(usage.prompt_tokens),
    outputTokens: wholeTokens(usage.completion_tokens),
    cachedInputTokens: wholeTokens(cached),
  };
}

/** About four characters a token: used only when an OpenAI-compatible server reports no usage at all. */
export function estimateChatUsage(promptTexts: readonly string[], answerText: string): TokenUsage {
  return {
    inputTokens: estimateTokens(promptTexts.join('')),
    outputTokens: estimateTokens(answerText),
    cachedInputTokens: 0,
  };
}
