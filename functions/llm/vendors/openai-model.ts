import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Model } from '../model.js';
import { type ChatPromptMessage, chatMessages } from './chat-prompt.js';
import type { OutputSchema } from './output-schema.js';
import type { VendorAttempt } from './structured-output.js';
import { sendVendorCall, vendorModel } from './vendor-call.js';
import type { CallContext, SdkFailure } from './vendor-failure.js';
import type { ResolvedVendorSettings } from './vendor-settings.js';
import { chatUsage, estimateChatUsage } from './vendor-usage.js';

const Count = z.number().nullish();

/** The part of a chat completion the adapter reads; OpenAI, DeepSeek and compatible servers share it. */
const ChatCompletion = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z
    .object({
      prompt_tokens: Count,
      completion_tokens: Count,
      prompt_tokens_details: z.object({ cached_tokens: Count }).nullish(),
      prompt_cache_hit_tokens: Count,
    })
    .nullish(),
});
type ChatCompletion = z.infer<typeof ChatCompletion>;

function responseFormat(
  settings: ResolvedVendorSettings,
  schema: OutputSchema,
): ChatCompletionCreateParamsNonStreaming['response_format'] {
  if (settings.structuredOutput === 'json-mode') return { type: 'json_object' };
  return {
    type: 'json_schema',
    json_schema: { name: schema.name, schema: schema.constrained, strict: schema.strict },
  };
}

function readAttempt(completion: ChatCompletion, prompt: ChatPromptMessage[]): VendorAttempt<string> {
  const [choice] = completion.choices;
  const text = choice?.message.content ?? '';
  const usage = completion.usage
    ? chatUsage(completion.usage)
    : // Some compatible servers leave usage out; an estimate keeps the ledger and the budget honest.
      estimateChatUsage(
        prompt.map((message) => message.content),
        text,
      );
  if (choice?.message.refusal) return { content: text, usage, turn: text, refusal: choice.message.refusal };
  const problems: Record<string, string> = {
    length: 'it was cut off at the output token limit; keep it shorter.',
    content_filter: 'the content filter stopped it.',
  };
  const problem = choice?.finish_reason ? problems[choice.finish_reason] : undefined;
  return { content: text, usage, turn: text, problem };
}

/** Reads the OpenAI SDK's error classes. */
function classify(error: unknown): SdkFailure | undefined {
  if (error instanceof APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof APIConnectionError) return { kind: 'connection' };
  if (error instanceof APIError && typeof error.status === 'number') {
    return { kind: 'status', status: error.status, body: error.error };
  }
  if (error instanceof OpenAIError) return { kind: 'refused', message: error.message };
  return undefined;
}

/**
 * A Model on the Chat Completions API: OpenAI itself, DeepSeek, or any OpenAI-compatible server
 * (vLLM, Ollama, Groq, OpenRouter). Structured output by strict JSON schema, or JSON mode where the
 * endpoint has no schema support.
 */
export function createOpenAIModel(settings: ResolvedVendorSettings, modelId: string): Model {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    // Not read from the environment: an OpenAI organisation must never be sent to another vendor.
    organization: null,
    project: null,
    webhookSecret: null,
  });
  const context: CallContext = { settings, model: modelId };
  // OpenAI's newer models reject max_tokens; DeepSeek and most compatible servers know only max_tokens.
  const maxTokensField = settings.provider === 'openai' ? 'max_completion_tokens' : 'max_tokens';

  return vendorModel<string>(context, async (request, schema, repairs) => {
    const messages = chatMessages(request, schema, settings.structuredOutput, repairs);
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: modelId,
      messages,
      response_format: responseFormat(settings, schema),
      ...(request.maxOutputTokens === undefined ? {} : { [maxTokensField]: request.maxOutputTokens }),
    };
    const completion = await sendVendorCall({
      context,
      callerSignal: request.signal,
      classify,
      response: ChatCompletion,
      responseName: 'a chat completion',
      send: (signal) => client.chat.completions.create(body, { signal }),
    });
    return readAttempt(completion, messages);
  });
}
