import { type ModelRequest, sharedContextText } from '../model.js';

/**
 * The one system message of a chat-completions request, shared context first: automatic prefix
 * caching (OpenAI, DeepSeek, Mistral, vLLM) then reuses it across the agents of a run, and chat
 * templates that allow a single system message still work.
 */
export function chatSystemText(request: ModelRequest<unknown>, extra?: string): string {
  return [sharedContextText(request.sharedContext), request.system, extra]
    .filter((part): part is string => part !== undefined && part.trim().length > 0)
    .join('\n\n');
}
