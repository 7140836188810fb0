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

/** The prefix of a request up to one of its cache breakpoints: what identifies it, and its size in tokens. */
export interface CachePrefix {
  key: string;
  tokens: number;
}

/** When a fake got a request and when it sent the answer, on one counter per fake. */
export interface ExchangeTimes {
  receivedAt: number;
  sentAt: number;
}

/**
 * Anthropic's explicit cache with several breakpoints. A request reads the longest of its breakpoint prefixes
 * that a response sent before the request arrived has written, and writes its prefixes up to the last one;
 * a prefix under the minimum is neither read nor written. The docs say an entry becomes available once its
 * response begins, so two requests in flight together do not read each other's writes.
 */
export class ExplicitPromptCache {
  /** Each written prefix and when the response that wrote it was sent. */
  private readonly written = new Map<string, number>();
  constructor(private readonly minimumTokens: number) {}

  /** The tokens read from and written to the cache by a request whose breakpoints give `prefixes`, in order. */
  use(prefixes: readonly CachePrefix[], times: ExchangeTimes): { read: number; written: number } {
    const cacheable = prefixes.filter((prefix) => prefix.tokens >= this.minimumTokens);
    const last = cacheable.at(-1);
    if (last === undefined) return { read: 0, written: 0 };
    const read = cacheable.reduce((longest, prefix) => {
      const writtenAt = this.written.get(prefix.key);
      return writtenAt !== undefined && writtenAt < times.receivedAt
        ? Math.max(longest, prefix.tokens)
        : longest;
    }, 0);
    // A prefix a concurrent request wrote first keeps its earlier time.
    for (const prefix of cacheable) {
      if (!this.written.has(prefix.key)) this.written.set(prefix.key, times.sentAt);
    }
    return { read, written: last.tokens - read };
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
