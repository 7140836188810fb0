import type { z } from 'zod';
import type { Model, ModelRequest, ModelResponse } from '../model.js';
import { guardCall } from './call-guard.js';
import { type OutputSchema, outputSchemaFor } from './output-schema.js';
import { generateStructured, type RepairTurn, type VendorAttempt } from './structured-output.js';
import { type CallContext, mapVendorError, type SdkFailure, unavailable } from './vendor-failure.js';

/** One request to a vendor's SDK, with what its errors mean and the shape its answer must have. */
export interface VendorCall<TResponse> {
  context: CallContext;
  callerSignal: AbortSignal | undefined;
  /** Reads the SDK's own error classes. */
  classify: (error: unknown) => SdkFailure | undefined;
  response: z.ZodType<TResponse>;
  /** What the answer should be, for the message when it is not: "a chat completion". */
  responseName: string;
  /** Sends the request; the signal carries the caller's abort and the deadline over all attempts. */
  send: (signal: AbortSignal) => Promise<unknown>;
}

/** Sends one vendor request under the call guard; a failure becomes the vendor's error, the answer is checked. */
export async function sendVendorCall<TResponse>(call: VendorCall<TResponse>): Promise<TResponse> {
  const { context, callerSignal } = call;
  const guard = guardCall(context.settings, callerSignal);
  let raw: unknown;
  try {
    raw = await call.send(guard.signal);
  } catch (error) {
    throw mapVendorError(error, context, guard, callerSignal, call.classify);
  } finally {
    guard.dispose();
  }
  const parsed = call.response.safeParse(raw);
  if (!parsed.success) {
    throw unavailable(context, `sent a response that is not ${call.responseName}`, parsed.error);
  }
  return parsed.data;
}

/** Sends one attempt of a request: the first, or a repair after the unusable answers so far. */
export type AttemptSender<TTurn> = (
  request: ModelRequest<unknown>,
  schema: OutputSchema,
  repairs: ReadonlyArray<RepairTurn<TTurn>>,
) => Promise<VendorAttempt<TTurn>>;

/** A vendor's Model: each request gets its output schema, then attempts with bounded repairs. */
export function vendorModel<TTurn>(context: CallContext, sendAttempt: AttemptSender<TTurn>): Model {
  return {
    provider: context.settings.provider,
    modelId: context.model,
    generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>> {
      const schema = outputSchemaFor(request);
      return generateStructured<T, TTurn>(request, context, schema, (repairs) =>
        sendAttempt(request, schema, repairs),
      );
    },
  };
}
