/** About four characters a token, the way vendors' tokenizers average on code and English. */
export function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

function commonPrefixLength(left: string, right: string): number {
  const limit = Math.min(left.length, right.length);
  let index = 0;
  while (index < limit && left.charCodeAt(index) === right.charCodeAt(index)) index++;
  return index;
}

/** Anthropic's explicit cache: a prefix up to a cache_control breakpoint is written once, then read. */
export class ExplicitPromptCache {
  private readonly written = new Set<string>();
  constructor(private readonly minimumTokens: number) {}

  /** The tokens read from and written to the cache for a request whose cacheable prefix is `prefix`. */
  use(prefix: string | undefined): { read: number; written: number } {
    if (prefix === undefined) return { read: 0, written: 0 };
    const tokens = tokensOf(prefix);
    if (tokens < this.minimumTokens) return { read: 0, written: 0 };
    if (this.written.has(prefix)) return { read: tokens, written: 0 };
    this.written.add(prefix);
    return { read: 0, written: tokens };
  }
}

/**
 * Automatic prefix caching (OpenAI, DeepSeek, Mistral): the longest prefix shared with an earlier
 * prompt is served from cache, in whole blocks, once it reaches the minimum.
 */
export class AutomaticPromptCache {
  private readonly prompts: string[] = [];
  constructor(
    private readonly minimumTokens: number,
    private readonly blockTokens: number,
  ) {}

  /** Cached tokens for `prompt`, which is then remembered. */
  use(prompt: string): number {
    const shared = this.prompts.reduce(
      (longest, seen) => Math.max(longest, commonPrefixLength(seen, prompt)),
      0,
    );
    this.prompts.push(prompt);
    const tokens = Math.floor(shared / 4);
    if (tokens < this.minimumTokens) return 0;
    return Math.floor(tokens / this.blockTokens) * this.blockTokens;
  }
}
