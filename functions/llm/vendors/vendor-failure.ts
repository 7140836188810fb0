import { z } from 'zod';
import type { CallGuard } from './call-guard.js';
import {
  ModelAuthenticationError,
  ModelRateLimitError,
  ModelRequestError,
  ModelUnavailableError,
  type VendorError,
} from './errors.js';
import type { ResolvedVendorSettings } from './vendor-settings.js';

/** Which call failed, for the messages. */
export interface CallContext {
  settings: ResolvedVendorSettings;
  model: string;
}

/** 408, 409, 429 and 5xx are worth another attempt; the SDKs and our Mistral retry agree on this list. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const MESSAGE_LIMIT = 300;

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT)}…` : line;
}

function retriesText(settings: ResolvedVendorSettings): string {
  return settings.maxRetries === 1 ? 'after 1 retry' : `after ${settings.maxRetries} retries`;
}

function mentionsModel(vendorMessage: string | undefined): boolean {
  return vendorMessage !== undefined && /\bmodel\b/i.test(vendorMessage);
}

/** The typed error for an HTTP status a vendor still answered with once the retries were spent. */
export function errorForStatus(
  context: CallContext,
  status: number,
  vendorMessage: string | undefined,
  cause: unknown,
): VendorError {
  const { settings, model } = context;
  const { label, apiKeyVariable, baseUrlVariable } = settings.profile;
  const details = { provider: settings.provider, model, status, cause };
  const said = vendorMessage ? ` It said: ${shorten(vendorMessage)}` : '';
  // Authentication messages are not repeated: some vendors echo part of the key in them.
  if (status === 401) {
    return new ModelAuthenticationError(
      `${label} rejected the API key for model ${model} (401): set ${apiKeyVariable} to a valid key.`,
      details,
    );
  }
  if (status === 403) {
    return new ModelAuthenticationError(
      `${label} does not let this key use model ${model} (403): set ${apiKeyVariable} to a key with access, or route the role to another model.`,
      details,
    );
  }
  if (status === 429) {
    return new ModelRateLimitError(
      `${label} is still rate-limiting model ${model} ${retriesText(settings)} (429).${said}`,
      details,
    );
  }
  if (isRetryableStatus(status)) {
    return new ModelUnavailableError(
      `${label} failed to answer for model ${model} ${retriesText(settings)} (${status}).${said}`,
      details,
    );
  }
  const where = ` and ${baseUrlVariable}`;
  if (status === 404) {
    return new ModelRequestError(
      `${label} does not know model id ${JSON.stringify(model)} (404): check the model id in QUANTCODER_MODELS${where}.${said}`,
      details,
    );
  }
  if (mentionsModel(vendorMessage)) {
    return new ModelRequestError(
      `${label} rejected the request to model ${JSON.stringify(model)} (${status}) over the model: check the model id in QUANTCODER_MODELS${where}.${said}`,
      details,
    );
  }
  return new ModelRequestError(
    `${label} rejected the request to model ${model} (${status}): the request is malformed, not the model id.${said}`,
    details,
  );
}

/** A vendor that could not be reached, timed out, or sent something unreadable. */
export function unavailable(context: CallContext, reason: string, cause: unknown): ModelUnavailableError {
  const { settings, model } = context;
  return new ModelUnavailableError(`${settings.profile.label} (model ${model}) ${reason}.`, {
    provider: settings.provider,
    model,
    cause,
  });
}

/** The reason for a connection failure, naming the variable that sets the address. */
export function connectionReason(context: CallContext): string {
  const variable = context.settings.profile.baseUrlVariable;
  return `could not be reached ${retriesText(context.settings)}; check ${variable} and the network`;
}

/** The reason for a timeout. */
export function timeoutReason(context: CallContext): string {
  const seconds = context.settings.timeoutMs / 1000;
  return `did not answer within ${seconds} s per attempt, ${retriesText(context.settings)}`;
}

const MessageBody = z.union([
  z.object({ error: z.object({ message: z.string() }) }).transform((body) => body.error.message),
  z.object({ message: z.string() }).transform((body) => body.message),
  z.object({ detail: z.string() }).transform((body) => body.detail),
  z
    .object({ message: z.object({ detail: z.unknown() }) })
    .transform((body) => JSON.stringify(body.message.detail)),
  z.object({ detail: z.array(z.unknown()) }).transform((body) => JSON.stringify(body.detail)),
]);

/** The human-readable message in a vendor's error body (parsed JSON or raw text), if it has one. */
export function vendorMessageFrom(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim().length > 0 ? body : undefined;
    }
  }
  const parsed = MessageBody.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** An SDK's error in the terms every adapter maps from; undefined for errors that are not the SDK's. */
export type SdkFailure =
  | { kind: 'status'; status: number; body: unknown }
  | { kind: 'timeout' }
  | { kind: 'connection' }
  | { kind: 'unreadable' }
  | { kind: 'refused'; message: string };

/**
 * The error a failed vendor call ends with: the caller's own abort reason, the deadline, or the typed
 * error for what the SDK reported. Errors that are none of these (bugs) pass through unchanged.
 */
export function mapVendorError(
  error: unknown,
  context: CallContext,
  guard: CallGuard,
  callerSignal: AbortSignal | undefined,
  classify: (error: unknown) => SdkFailure | undefined,
): unknown {
  if (callerSignal?.aborted) return callerSignal.reason;
  if (guard.deadlinePassed()) {
    return unavailable(context, `gave no complete answer within ${guard.deadlineMs / 1000} s`, error);
  }
  const failure: SdkFailure | undefined =
    error instanceof SyntaxError ? { kind: 'unreadable' } : classify(error);
  switch (failure?.kind) {
    case 'status':
      return errorForStatus(context, failure.status, vendorMessageFrom(failure.body), error);
    case 'timeout':
      return unavailable(context, timeoutReason(context), error);
    case 'connection':
      return unavailable(context, connectionReason(context), error);
    case 'unreadable':
      return unavailable(context, 'sent a response body that is not valid JSON', error);
    case 'refused':
      return new ModelRequestError(
        `The ${context.settings.profile.label} SDK refused the request for model ${context.model}: ${failure.message}`,
        { provider: context.settings.provider, model: context.model, cause: error },
      );
    default:
      return error;
  }
}
