import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { EmulatedRequestError } from '../emulated-request-error.js';

/** A request body over this size is refused (QuantConnect files top out at 256 KB). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The body was larger than MAX_BODY_BYTES; the server answers 413. */
export class RequestTooLargeError extends EmulatedRequestError {
  override readonly name: string = 'RequestTooLargeError';
}

/** Reads the whole request body as text, refusing bodies over MAX_BODY_BYTES. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new RequestTooLargeError(`The request body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request's parameters: the query string (lean-cli reads with GET), overlaid by the JSON body.
 * A body that is not a JSON object is refused the way QuantConnect refuses bad input, with success false.
 */
export function requestInput(url: URL, body: string): Record<string, unknown> {
  const query: Record<string, unknown> = Object.fromEntries(url.searchParams.entries());
  if (body.trim() === '') return query;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new EmulatedRequestError('The request body is not valid JSON.', { cause: error });
  }
  const object = z.record(z.string(), z.unknown()).safeParse(parsed);
  if (!object.success) throw new EmulatedRequestError('The request body must be a JSON object.');
  return { ...query, ...object.data };
}

/** Parses a request's parameters with an endpoint's schema; failures read like QuantConnect's errors. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  throw new EmulatedRequestError(`Invalid request: ${problems.join('; ')}`);
}
