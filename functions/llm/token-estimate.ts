import { type ModelRequest, sharedContextText } from './model.js';

/** Rough token count for text: about four characters a token, as vendors' tokenizers average on code and English. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** An estimate of a request's prompt tokens: its system text, shared context and messages as a vendor gets them. */
export function estimatePromptTokens(request: ModelRequest<unknown>): number {
  return estimateTokens(
    [
      request.system,
      sharedContextText(request.sharedContext),
      ...request.messages.map((message) => message.content),
    ].join('\n'),
  );
}

/** A token count as the ledger keeps it: a whole number, never negative; 0 when missing or not finite. */
export function wholeTokens(count: number | null | undefined): number {
  return typeof count === 'number' && Number.isFinite(count) ? Math.max(0, Math.round(count)) : 0;
}
