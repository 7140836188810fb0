import {
  type Model,
  type ModelRequest,
  type ModelResponse,
  sharedContextText,
  type TokenUsage,
} from '../../functions/llm/model.js';

/** A model for tests: answers each request with what `answer` returns and keeps every request it saw. */
export class FakeModel implements Model {
  readonly provider = 'fake';
  readonly modelId = 'fake-model-1';
  readonly requests: ModelRequest<unknown>[] = [];

  constructor(
    private readonly answer: (request: ModelRequest<unknown>) => unknown,
    private readonly usage: TokenUsage = { inputTokens: 1200, outputTokens: 300, cachedInputTokens: 800 },
  ) {}

  async generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
    this.requests.push(request);
    // A real adapter validates; the fake passes its answer through so tests can send malformed ones.
    const output = this.answer(request) as T;
    return { output, usage: this.usage, provider: this.provider, model: this.modelId };
  }
}

/** The characters a request sends: system, shared context and messages. */
export function requestCharacters(request: ModelRequest<unknown>): number {
  return (
    request.system.length +
    sharedContextText(request.sharedContext).length +
    request.messages.reduce((total, message) => total + message.content.length, 0)
  );
}
