import { z } from 'zod';
import type { FakeFault, SuccessReply, WireFormat } from './fake-types.js';
import { type CachePrefix, ExplicitPromptCache, tokensOf } from './prompt-cache.js';

const Block = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  content: z.unknown().optional(),
  cache_control: z.unknown().optional(),
});
const Content = z.union([z.string(), z.array(Block)]);

/** The Messages API request, as far as the fake reads it. */
const MessagesRequest = z.looseObject({
  model: z.string(),
  system: Content.optional(),
  tools: z.array(z.looseObject({ name: z.string(), cache_control: z.unknown().optional() })).optional(),
  tool_choice: z.looseObject({ type: z.string(), name: z.string().optional() }).optional(),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: Content })),
});
type MessagesRequest = z.infer<typeof MessagesRequest>;

function blockText(block: z.infer<typeof Block>): string {
  if (block.text !== undefined) return block.text;
  if (typeof block.content === 'string') return block.content;
  return '';
}

function contentText(content: z.infer<typeof Content> | undefined): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map(blockText).join('\n\n');
}

/** The Messages API refuses a request with more cache_control breakpoints than this. */
const MAX_BREAKPOINTS = 4;

/** One block of the prompt in cache order, without its cache marker (which is not part of the prefix). */
interface Segment {
  level: 'tools' | 'system' | 'messages';
  content: unknown;
  marked: boolean;
}

function withoutMarker(block: { cache_control?: unknown }): { content: unknown; marked: boolean } {
  const { cache_control: marker, ...content } = block;
  return { content, marked: marker !== undefined && marker !== null };
}

/** The prompt as Anthropic caches it: tools, then system, then messages, block by block. */
function segmentsOf(request: MessagesRequest): Segment[] {
  const segments: Segment[] = (request.tools ?? []).map((tool) => ({
    level: 'tools',
    ...withoutMarker(tool),
  }));
  const system =
    typeof request.system === 'string' ? [{ type: 'text', text: request.system }] : (request.system ?? []);
  segments.push(...system.map((block): Segment => ({ level: 'system', ...withoutMarker(block) })));
  for (const message of request.messages) {
    const blocks =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    for (const block of blocks) {
      const { content, marked } = withoutMarker(block);
      segments.push({ level: 'messages', content: { role: message.role, block: content }, marked });
    }
  }
  return segments;
}

/**
 * The prefix up to each cache_control breakpoint, in order, and the whole prompt's size. A prefix ending in
 * the messages also depends on tool_choice, which the docs say invalidates message blocks only.
 */
function breakpointPrefixes(request: MessagesRequest): { prefixes: CachePrefix[]; totalTokens: number } {
  const segments = segmentsOf(request);
  const contents = segments.map((segment) => segment.content);
  const prefixes = segments.flatMap((segment, index): CachePrefix[] => {
    if (!segment.marked) return [];
    const upTo = contents.slice(0, index + 1);
    const toolChoice = segment.level === 'messages' ? (request.tool_choice ?? null) : null;
    return [
      { key: JSON.stringify([request.model, toolChoice, upTo]), tokens: tokensOf(JSON.stringify(upTo)) },
    ];
  });
  return { prefixes, totalTokens: tokensOf(JSON.stringify(contents)) };
}

/** What the real API answers with a 400 before any model runs, if anything. */
function invalidRequest(request: MessagesRequest): string | undefined {
  const breakpoints = segmentsOf(request).filter((segment) => segment.marked).length;
  if (breakpoints > MAX_BREAKPOINTS) {
    return `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;
  }
  const forced = request.tool_choice?.type === 'tool' ? request.tool_choice.name : undefined;
  if (forced !== undefined && !(request.tools ?? []).some((tool) => tool.name === forced)) {
    return `tool_choice: tool ${JSON.stringify(forced)} is not among the request's tools`;
  }
  const names = (request.tools ?? []).map((tool) => tool.name);
  if (new Set(names).size !== names.length) return 'tools: tool names must be unique';
  return undefined;
}

const ERRORS: Record<
  Exclude<FakeFault, 'malformed-body' | 'hang' | 'stall-body'>,
  [number, string, string]
> = {
  'bad-request': [
    400,
    'invalid_request_error',
    'messages: roles must alternate between "user" and "assistant"',
  ],
  unauthorized: [401, 'authentication_error', 'invalid x-api-key'],
  forbidden: [
    403,
    'permission_error',
    'Your API key does not have permission to use the specified resource.',
  ],
  'not-found': [404, 'not_found_error', 'model: claude-nonexistent'],
  'request-timeout': [408, 'timeout_error', 'Request timed out'],
  conflict: [409, 'invalid_request_error', 'Conflict'],
  unprocessable: [422, 'invalid_request_error', 'Unprocessable request'],
  'rate-limit': [429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'],
  'server-error': [500, 'api_error', 'Internal server error'],
  overloaded: [529, 'overloaded_error', 'Overloaded'],
};

/** Anthropic's Messages API (`POST /v1/messages`), with simulated prompt caching. */
export function anthropicWire(minimumCacheableTokens: number): WireFormat {
  const cache = new ExplicitPromptCache(minimumCacheableTokens);
  return {
    path: '/v1/messages',
    describe(body) {
      const request = MessagesRequest.parse(body);
      const lastUser = request.messages.findLast((message) => message.role === 'user');
      return {
        schemaName: request.tool_choice?.type === 'tool' ? request.tool_choice.name : undefined,
        systemText: contentText(request.system),
        lastUserText: contentText(lastUser?.content),
        messageCount: request.messages.length,
      };
    },
    invalid(body) {
      return invalidRequest(MessagesRequest.parse(body));
    },
    success(body, reply: SuccessReply, { sequence, receivedAt, sentAt }) {
      const request = MessagesRequest.parse(body);
      const id = String(sequence).padStart(4, '0');
      const toolName = request.tool_choice?.type === 'tool' ? request.tool_choice.name : undefined;
      const answered = reply.type === 'answer' ? JSON.stringify(reply.value) : reply.text;
      const content =
        reply.type === 'answer' && toolName
          ? [{ type: 'tool_use', id: `toolu_fake_${id}`, name: toolName, input: reply.value }]
          : [{ type: 'text', text: answered }];
      const { prefixes, totalTokens: total } = breakpointPrefixes(request);
      const cached = cache.use(prefixes, { receivedAt, sentAt });
      const stopReason = {
        answer: toolName ? 'tool_use' : 'end_turn',
        text: reply.type === 'text' && reply.cut ? 'max_tokens' : 'end_turn',
        refusal: 'refusal',
      }[reply.type];
      return {
        id: `msg_fake_${id}`,
        type: 'message',
        role: 'assistant',
        model: request.model,
        content,
        stop_reason: stopReason,
        stop_sequence: null,
        usage: {
          input_tokens: Math.max(0, total - cached.read - cached.written),
          cache_creation_input_tokens: cached.written,
          cache_read_input_tokens: cached.read,
          cache_creation: { ephemeral_5m_input_tokens: cached.written, ephemeral_1h_input_tokens: 0 },
          output_tokens: tokensOf(answered),
          service_tier: 'standard',
        },
      };
    },
    error(fault, message) {
      const [status, type, text] = ERRORS[fault as keyof typeof ERRORS] ?? ERRORS['server-error'];
      return {
        status,
        body: { type: 'error', error: { type, message: message ?? text }, request_id: 'req_fake_0001' },
      };
    },
  };
}
