import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { QuantCoderError } from '../shared/errors.js';
import type { McpToolContext } from './tool-context.js';
import type { ToolExtra } from './tool-extra.js';

/** The client cancelled the call: its waits stop at the next poll. */
class ToolCancelledError extends QuantCoderError {
  override readonly name = 'ToolCancelledError';
}

/** A successful result: the text an assistant reads, and the same facts as structured content. */
export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
  // As the wire will carry it: a client's schema check sees no `undefined` (in-memory transports copy nothing).
  const structuredContent: Record<string, unknown> = JSON.parse(JSON.stringify(structured));
  return { content: [{ type: 'text', text }], structuredContent };
}

/**
 * A domain failure, as a result the assistant reads (`isError: true`) with what to do next. It carries no
 * structured content: a client checks structured content against the tool's output schema, errors included.
 */
export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * Runs a tool's work. QuantCoder's own errors (bad input, a missing setting, QuantConnect's refusal) already
 * say what to do and become tool errors as they are; anything else is logged and reported as unexpected.
 * Protocol errors stay with the SDK, which answers malformed requests itself.
 */
export async function runTool(
  name: string,
  context: McpToolContext,
  work: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  const started = Date.now();
  let result: CallToolResult;
  try {
    result = await work();
  } catch (error) {
    if (error instanceof QuantCoderError) {
      result = toolError(error.message);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      context.logger.error('tool failed unexpectedly', { tool: name, error: message });
      result = toolError(
        `${name} failed unexpectedly: ${message}. This is a QuantCoder bug, not your input; the server's log (stderr) has the details.`,
      );
    }
  }
  context.logger.info('tool call', {
    tool: name,
    durationMs: Date.now() - started,
    isError: result.isError === true,
  });
  return result;
}

/** The context's sleep, stopped by the client's cancellation: long waits end when nobody listens. */
export function cancellableSleep(
  context: McpToolContext,
  extra: ToolExtra,
): (milliseconds: number) => Promise<void> {
  return async (milliseconds) => {
    if (extra.signal.aborted) throw new ToolCancelledError('The client cancelled the call.');
    await context.sleep(milliseconds);
  };
}
