import Anthropic, {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
} from '@anthropic-ai/sdk';
import type { MessageCreateParamsNonStreaming, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';
import type { Model } from '../model.js';
import { anthropicSystem, anthropicTools } from './anthropic-prompt.js';
import type { RepairTurn, VendorAttempt } from './structured-output.js';
import { sendVendorCall, vendorModel } from './vendor-call.js';
import type { CallContext, SdkFailure } from './vendor-failure.js';
import type { ResolvedVendorSettings } from './vendor-settings.js';
import { anthropicUsage } from './vendor-usage.js';

/** Anthropic requires max_tokens; this is enough for any one agent answer. */
const DEFAULT_MAX_OUTPUT_TOKENS = 8192;

const ContentBlock = z.looseObject({ type: z.string() });
const ToolUseBlock = z.object({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});
const TextBlock = z.object({ type: z.literal('text'), text: z.string() });

/** The part of a Messages API response the adapter reads. */
const MessageResponse = z.object({
  content: z.array(ContentBlock),
  stop_reason: z.string().nullish(),
  usage: z.object({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_read_input_tokens: z.number().nullish(),
    cache_creation_input_tokens: z.number().nullish(),
  }),
});
type MessageResponse = z.infer<typeof MessageResponse>;

/** An answer replayed in a repair: the forced tool call, or the text when the model wrote no call. */
type AnthropicTurn =
  | { kind: 'tool'; id: string; name: string; input: unknown }
  | { kind: 'text'; text: string };

function repairMessages(repairs: ReadonlyArray<RepairTurn<AnthropicTurn>>): MessageParam[] {
  return repairs.flatMap(({ turn, feedback }): MessageParam[] => {
    if (turn.kind === 'tool') {
      return [
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: turn.id, name: turn.name, input: turn.input }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: turn.id, is_error: true, content: feedback }],
        },
      ];
    }
    return [
      { role: 'assistant', content: turn.text.trim().length > 0 ? turn.text : '(no answer)' },
      { role: 'user', content: feedback },
    ];
  });
}

function readAttempt(response: MessageResponse, toolName: string): VendorAttempt<AnthropicTurn> {
  const usage = anthropicUsage(response.usage);
  const text = response.content
    .map((block) => TextBlock.safeParse(block))
    .flatMap((block) => (block.success ? [block.data.text] : []))
    .join('\n');
  if (response.stop_reason === 'refusal') {
    return { content: undefined, usage, turn: { kind: 'text', text }, refusal: text || 'no reason given' };
  }
  const truncated =
    response.stop_reason === 'max_tokens'
      ? 'it was cut off at the output token limit; keep it shorter.'
      : undefined;
  const call = response.content
    .map((block) => ToolUseBlock.safeParse(block))
    .find((block) => block.success && block.data.name === toolName);
  if (call?.success) {
    const { id, name, input } = call.data;
    return { content: input, usage, turn: { kind: 'tool', id, name, input }, problem: truncated };
  }
  // Forced tool use makes this rare; a model that wrote its JSON as text still gets parsed.
  const problem = truncated ?? (text.trim().length > 0 ? undefined : `it did not call the ${toolName} tool.`);
  return { content: text, usage, turn: { kind: 'text', text }, problem };
}

/** Reads the Anthropic SDK's error classes. */
function classify(error: unknown): SdkFailure | undefined {
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof APIConnectionError) return { kind: 'connection' };
  if (error instanceof APIError && typeof error.status === 'number') {
    return { kind: 'status', status: error.status, body: error.error };
  }
  if (error instanceof AnthropicError) return { kind: 'refused', message: error.message };
  return undefined;
}

/** A Model on Anthropic's Messages API: structured output by forced tool use, the shared context cached. */
export function createAnthropicModel(settings: ResolvedVendorSettings, modelId: string): Model {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  const context: CallContext = { settings, model: modelId };

  return vendorModel<AnthropicTurn>(context, async (request, schema, repairs) => {
    const body: MessageCreateParamsNonStreaming = {
      model: modelId,
      max_tokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
      system: anthropicSystem(request),
      tools: anthropicTools(request, schema),
      tool_choice: { type: 'tool', name: schema.name, disable_parallel_tool_use: true },
      messages: [
        ...request.messages.map(
          (message): MessageParam => ({ role: message.role, content: message.content }),
        ),
        ...repairMessages(repairs),
      ],
    };
    const response = await sendVendorCall({
      context,
      callerSignal: request.signal,
      classify,
      response: MessageResponse,
      responseName: 'a Messages API message',
      send: (signal) => client.messages.create(body, { signal }),
    });
    return readAttempt(response, schema.name);
  });
}
