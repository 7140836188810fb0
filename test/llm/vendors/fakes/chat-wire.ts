import { z } from 'zod';
import type { FakeFault, FakeVendorKind, SuccessReply, WireFormat } from './fake-types.js';
import { AutomaticPromptCache, tokensOf } from './prompt-cache.js';

const Message = z.looseObject({ role: z.string(), content: z.unknown() });

/** A chat-completions request as OpenAI, DeepSeek and Mistral take it, as far as the fake reads it. */
const ChatRequest = z.looseObject({
  model: z.string(),
  messages: z.array(Message),
  response_format: z
    .looseObject({ type: z.string(), json_schema: z.looseObject({ name: z.string() }).nullish() })
    .nullish(),
});
type ChatRequest = z.infer<typeof ChatRequest>;

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : ''))
    .join('');
}

type ChatKind = Exclude<FakeVendorKind, 'anthropic'>;
type ErrorFault = Exclude<FakeFault, 'malformed-body' | 'hang' | 'stall-body'>;

function isErrorFault(fault: FakeFault): fault is ErrorFault {
  return fault in STATUS;
}

const STATUS: Record<ErrorFault, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'request-timeout': 408,
  conflict: 409,
  unprocessable: 422,
  'rate-limit': 429,
  'server-error': 500,
  overloaded: 503,
};

/** OpenAI's (and DeepSeek's) error body: `{error: {message, type, param, code}}`. */
const OPENAI_ERRORS: Record<ErrorFault, [string, string, string | null]> = {
  'bad-request': ["Invalid schema for response_format 'answer'.", 'invalid_request_error', null],
  unauthorized: ['Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'],
  forbidden: ['You are not allowed to sample from this model', 'invalid_request_error', 'model_not_allowed'],
  'not-found': ['The model `gpt-nonexistent` does not exist.', 'invalid_request_error', 'model_not_found'],
  'request-timeout': ['Request timed out.', 'timeout', null],
  conflict: ['Conflict with a concurrent request.', 'invalid_request_error', null],
  unprocessable: ['Unprocessable request', 'invalid_request_error', null],
  'rate-limit': ['Rate limit reached for requests', 'requests', 'rate_limit_exceeded'],
  'server-error': ['The server had an error while processing your request.', 'server_error', null],
  overloaded: ['The engine is currently overloaded.', 'server_error', null],
};

/** Mistral's error bodies: `{message, request_id}` for auth and limits, `{object:'error', ...}` otherwise. */
function mistralError(fault: ErrorFault, message: string | undefined): unknown {
  switch (fault) {
    case 'unauthorized':
      return { message: message ?? 'Unauthorized', request_id: 'fake0001' };
    case 'rate-limit':
      return { message: message ?? 'Requests rate limit exceeded', request_id: 'fake0001' };
    case 'unprocessable':
      return {
        object: 'error',
        message: { detail: [{ type: 'missing', loc: ['body', 'model'], msg: message ?? 'Field required' }] },
        type: 'invalid_request_message_error',
        param: null,
        code: null,
      };
    default:
      return {
        object: 'error',
        message: message ?? (fault === 'not-found' ? 'Invalid model: mistral-nonexistent' : 'Internal error'),
        type: fault === 'not-found' || fault === 'bad-request' ? 'invalid_request_error' : 'internal_error',
        param: null,
        code: fault === 'not-found' ? '1500' : null,
      };
  }
}

function usageFor(kind: ChatKind, prompt: number, completion: number, cached: number): unknown {
  const base = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
  if (kind === 'deepseek') {
    return {
      ...base,
      prompt_tokens_details: { cached_tokens: cached },
      prompt_cache_hit_tokens: cached,
      prompt_cache_miss_tokens: prompt - cached,
    };
  }
  if (kind === 'mistral') return { ...base, prompt_tokens_details: { cached_tokens: cached } };
  return {
    ...base,
    prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function choiceFor(kind: ChatKind, reply: SuccessReply): unknown {
  const content = reply.type === 'answer' ? JSON.stringify(reply.value) : reply.text;
  const finishReason = reply.type === 'text' && reply.cut ? 'length' : 'stop';
  if (kind === 'mistral') {
    return {
      index: 0,
      message: { role: 'assistant', tool_calls: null, content },
      finish_reason: finishReason,
    };
  }
  if (kind === 'deepseek')
    return { index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: finishReason };
  const message =
    reply.type === 'refusal'
      ? { role: 'assistant', content: null, refusal: reply.text, annotations: [] }
      : { role: 'assistant', content, refusal: null, annotations: [] };
  return { index: 0, message, logprobs: null, finish_reason: finishReason };
}

/** Chat completions (`POST /v1/chat/completions`) in OpenAI's, DeepSeek's or Mistral's shape, with automatic caching. */
export function chatWire(kind: ChatKind): WireFormat {
  // OpenAI and Mistral cache from 1024 tokens in 128-token blocks; DeepSeek in 64-token units.
  const cache = kind === 'deepseek' ? new AutomaticPromptCache(64, 64) : new AutomaticPromptCache(1024, 128);
  return {
    path: '/v1/chat/completions',
    describe(body) {
      const request = ChatRequest.parse(body);
      const system = request.messages.filter((message) => message.role === 'system');
      const others = request.messages.filter((message) => message.role !== 'system');
      const lastUser = others.findLast((message) => message.role === 'user');
      return {
        schemaName: request.response_format?.json_schema?.name,
        systemText: system.map((message) => messageText(message.content)).join('\n\n'),
        lastUserText: messageText(lastUser?.content),
        messageCount: others.length,
      };
    },
    success(body, reply: SuccessReply, { sequence }) {
      const request: ChatRequest = ChatRequest.parse(body);
      const content = reply.type === 'answer' ? JSON.stringify(reply.value) : reply.text;
      const promptText = JSON.stringify(request.messages);
      const prompt = tokensOf(promptText);
      const cached = Math.min(cache.use(`${request.model}\n${promptText}`), prompt);
      const id = String(sequence).padStart(4, '0');
      return {
        id: kind === 'mistral' ? `cmpl-fake${id}` : `chatcmpl-fake${id}`,
        object: 'chat.completion',
        created: 1_760_000_000 + sequence,
        model: request.model,
        choices: [choiceFor(kind, reply)],
        usage: usageFor(kind, prompt, tokensOf(content), cached),
        ...(kind === 'openai' ? { service_tier: 'default', system_fingerprint: 'fp_fake' } : {}),
        ...(kind === 'deepseek' ? { system_fingerprint: 'fp_fake_prod' } : {}),
      };
    },
    error(fault, message) {
      const known = isErrorFault(fault) ? fault : 'server-error';
      if (kind === 'mistral') return { status: STATUS[known], body: mistralError(known, message) };
      const [text, type, code] = OPENAI_ERRORS[known];
      return {
        status: STATUS[known],
        body: { error: { message: message ?? text, type, param: null, code } },
      };
    },
  };
}
