import { Mistral } from '@mistralai/mistralai';
import type { ChatCompletionRequest } from '@mistralai/mistralai/models/components';
import {
  ConnectionError,
  MistralError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKValidationError,
} from '@mistralai/mistralai/models/errors';
import { z } from 'zod';
import type { Model } from '../model.js';
import { chatMessages } from './chat-prompt.js';
import type { OutputSchema } from './output-schema.js';
import type { VendorAttempt } from './structured-output.js';
import { sendVendorCall, vendorModel } from './vendor-call.js';
import { type CallContext, isRetryableStatus, type SdkFailure } from './vendor-failure.js';
import { withRetries } from './vendor-retry.js';
import type { ResolvedVendorSettings } from './vendor-settings.js';
import { chatUsage, estimateChatUsage } from './vendor-usage.js';

const Count = z.number().nullish();
const TextChunk = z.object({ type: z.literal('text').optional(), text: z.string() });

/** The part of the SDK's parsed response the adapter reads (known fields camelCased, unknown ones as sent). */
const MistralCompletion = z.object({
  choices: z
    .array(
      z.object({
        message: z
          .object({
            content: z.union([z.string(), z.array(z.looseObject({ type: z.string().optional() }))]).nullish(),
          })
          .optional(),
        finishReason: z.string(),
      }),
    )
    .min(1),
  usage: z
    .looseObject({
      promptTokens: Count,
      completionTokens: Count,
      prompt_tokens_details: z.object({ cached_tokens: Count }).nullish(),
      num_cached_tokens: Count,
    })
    .nullish(),
});
type MistralCompletion = z.infer<typeof MistralCompletion>;

function answerText(content: MistralCompletion['choices'][number]['message']): string {
  const value = content?.content;
  if (typeof value === 'string') return value;
  return (value ?? [])
    .map((chunk) => TextChunk.safeParse(chunk))
    .flatMap((chunk) => (chunk.success ? [chunk.data.text] : []))
    .join('');
}

function responseFormat(
  settings: ResolvedVendorSettings,
  schema: OutputSchema,
): ChatCompletionRequest['responseFormat'] {
  if (settings.structuredOutput === 'json-mode') return { type: 'json_object' };
  return {
    type: 'json_schema',
    jsonSchema: { name: schema.name, schemaDefinition: schema.constrained, strict: schema.strict },
  };
}

function readAttempt(completion: MistralCompletion, promptTexts: string[]): VendorAttempt<string> {
  const [choice] = completion.choices;
  const text = answerText(choice?.message);
  const usage = completion.usage
    ? chatUsage({
        prompt_tokens: completion.usage.promptTokens,
        completion_tokens: completion.usage.completionTokens,
        prompt_tokens_details: completion.usage.prompt_tokens_details,
        num_cached_tokens: completion.usage.num_cached_tokens,
      })
    : estimateChatUsage(promptTexts, text);
  const truncated = choice?.finishReason === 'length' || choice?.finishReason === 'model_length';
  const problem = truncated ? 'it was cut off at the output token limit; keep it shorter.' : undefined;
  return { content: text, usage, turn: text, problem };
}

/** The attempt's own timeout, when it fires while the body is read (after the SDK's request handling). */
function isBodyTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

function isRetryable(error: unknown): boolean {
  if (error instanceof MistralError) return isRetryableStatus(error.statusCode);
  return error instanceof ConnectionError || error instanceof RequestTimeoutError || isBodyTimeout(error);
}

/** Reads the Mistral SDK's error classes (its retries are off, so these are per attempt). */
function classify(error: unknown): SdkFailure | undefined {
  if (error instanceof ResponseValidationError || error instanceof SDKValidationError) {
    return { kind: 'unreadable' };
  }
  if (error instanceof MistralError) return { kind: 'status', status: error.statusCode, body: error.body };
  if (error instanceof RequestTimeoutError || isBodyTimeout(error)) return { kind: 'timeout' };
  if (error instanceof ConnectionError) return { kind: 'connection' };
  return undefined;
}

/**
 * A Model on Mistral's chat API (Devstral, Mistral models). The SDK's own retries are off: its schedule
 * is time-based and reads retry-after only in whole seconds, so withRetries applies the shared policy.
 */
export function createMistralModel(settings: ResolvedVendorSettings, modelId: string): Model {
  const client = new Mistral({
    apiKey: settings.apiKey,
    serverURL: settings.baseURL,
    timeoutMs: settings.timeoutMs,
    retryConfig: { strategy: 'none' },
  });
  const context: CallContext = { settings, model: modelId };

  return vendorModel<string>(context, async (request, schema, repairs) => {
    const messages = chatMessages(request, schema, settings.structuredOutput, repairs);
    const body: ChatCompletionRequest = {
      model: modelId,
      messages,
      responseFormat: responseFormat(settings, schema),
      ...(request.maxOutputTokens === undefined ? {} : { maxTokens: request.maxOutputTokens }),
    };
    const completion = await sendVendorCall({
      context,
      callerSignal: request.signal,
      classify,
      response: MistralCompletion,
      responseName: 'a chat completion',
      send: (signal) =>
        withRetries(
          // A signal given to the SDK replaces its timeoutMs, so each attempt carries its own timeout.
          () =>
            client.chat.complete(body, {
              signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]),
            }),
          {
            maxRetries: settings.maxRetries,
            signal,
            isRetryable,
            headersOf: (error) => (error instanceof MistralError ? error.headers : undefined),
          },
        ),
    });
    return readAttempt(
      completion,
      messages.map((message) => message.content),
    );
  });
}
