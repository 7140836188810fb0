/** The wire formats the fakes speak; deepseek is OpenAI's format with DeepSeek's usage fields. */
export type FakeVendorKind = 'anthropic' | 'openai' | 'deepseek' | 'mistral';

/** What a fake received, as the handler sees it. */
export interface FakeRequest {
  /** 0 for the first request this fake got, counting every request. */
  index: number;
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body, as the SDK sent it. */
  body: unknown;
  /** The structured output asked for: Anthropic's forced tool, or the json_schema name; undefined in JSON mode. */
  schemaName: string | undefined;
  /** Every system text of the request, in order, joined by blank lines. */
  systemText: string;
  /** The text of the last user turn: the original ask, or a repair request's feedback. */
  lastUserText: string;
  /** How many non-system messages the request carries (1 at first, 3 after one repair). */
  messageCount: number;
}

/** What the fake received, kept for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Ways a fake can fail, each in the vendor's own wire shape. */
export type FakeFault =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'request-timeout'
  | 'conflict'
  | 'unprocessable'
  | 'rate-limit'
  | 'server-error'
  | 'overloaded'
  /** 200 with a JSON content type and a body cut off mid-object. */
  | 'malformed-body'
  /** Never answers. */
  | 'hang'
  /** Sends the headers and part of the body, then nothing. */
  | 'stall-body';

/** A reply the handler chooses for one request. */
export type FakeReply =
  /** A structured answer: Anthropic tool_use input, or the JSON text of a chat completion. */
  | { type: 'answer'; value: unknown }
  /** Raw assistant text; `cut` makes it end at the token limit (stop_reason max_tokens / finish_reason length). */
  | { type: 'text'; text: string; cut?: boolean }
  /** The model declines: OpenAI's message.refusal, Anthropic's stop_reason refusal, plain text for Mistral. */
  | { type: 'refusal'; text: string }
  | { type: 'fault'; fault: FakeFault; retryAfterSeconds?: number; retryAfterMs?: number; message?: string };

/** The replies that are a 200 response. */
export type SuccessReply = Exclude<FakeReply, { type: 'fault' }>;

/** Chooses the reply to one request; a pipeline run can answer from `schemaName` and `systemText`. */
export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeVendorOptions {
  /** Below this many tokens a prefix is not cached (Anthropic: 1024 for Sonnet-class models). */
  minimumCacheableTokens?: number;
}

/** A running fake vendor. */
export interface FakeVendor {
  /** What to give the SDK as its base URL (OpenAI's includes `/v1`, Anthropic's and Mistral's do not). */
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** One answered request: its number among the answers, and when it arrived and was answered (one counter per fake). */
export interface Exchange {
  sequence: number;
  receivedAt: number;
  sentAt: number;
}

/** One wire format: how to read a request and how to write answers and errors. */
export interface WireFormat {
  path: string;
  describe(body: unknown): Pick<FakeRequest, 'schemaName' | 'systemText' | 'lastUserText' | 'messageCount'>;
  /** Why the vendor would refuse the request outright (answered as a 400), if it would. */
  invalid?(body: unknown): string | undefined;
  success(body: unknown, reply: SuccessReply, exchange: Exchange): unknown;
  error(fault: FakeFault, message: string | undefined): { status: number; body: unknown };
}
