import { type ModelRequest, sharedContextText } from '../model.js';
import { jsonModeInstruction, type OutputSchema } from './output-schema.js';
import type { RepairTurn } from './structured-output.js';
import type { StructuredOutputMode } from './vendor-settings.js';

/** A chat-completions message; the OpenAI and Mistral SDKs both take it as it is. */
export interface ChatPromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * The one system message of a chat-completions request, shared context first: automatic prefix
 * caching (OpenAI, DeepSeek, Mistral, vLLM) then reuses it across the agents of a run, and chat
 * templates that allow a single system message still work.
 */
function chatSystemText(request: ModelRequest<unknown>, extra?: string): string {
  return [sharedContextText(request.sharedContext), request.system, extra]
    .filter((part): part is string => part !== undefined && part.trim().length > 0)
    .join('\n\n');
}

/**
 * The messages of one chat-completions attempt: the system message (with the schema, in JSON mode), the
 * request's turns, then each unusable answer as an assistant turn followed by the feedback on it.
 */
export function chatMessages(
  request: ModelRequest<unknown>,
  schema: OutputSchema,
  mode: StructuredOutputMode,
  repairs: ReadonlyArray<RepairTurn<string>>,
): ChatPromptMessage[] {
  const instruction = mode === 'json-mode' ? jsonModeInstruction(schema) : undefined;
  return [
    { role: 'system', content: chatSystemText(request, instruction) },
    ...request.messages.map(
      (message): ChatPromptMessage => ({ role: message.role, content: message.content }),
    ),
    ...repairs.flatMap(({ turn, feedback }): ChatPromptMessage[] => [
      { role: 'assistant', content: turn },
      { role: 'user', content: feedback },
    ]),
  ];
}
