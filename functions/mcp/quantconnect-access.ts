import type { QuantConnectConnection } from '../quantconnect/connect.js';
import type { QuantConnect } from '../quantconnect/port.js';
import type { QuantConnectClient } from '../quantconnect/rest/client.js';
import { createRestQuantConnect } from '../quantconnect/rest/rest-quantconnect.js';
import { readQuantConnectSettings } from '../quantconnect/rest/settings.js';
import { optionalEnvironment } from '../shared/environment.js';
import { ConfigurationError } from '../shared/errors.js';
import type { McpToolContext } from './tool-context.js';

/** The setting that points the QuantConnect tools at the local emulator instead of QuantConnect. */
export const EMULATOR_SETTING = 'QUANTCODER_MCP_EMULATOR';

/** The QuantConnect a tool call talks to: the REST client, the port over it, and whether it is the emulator. */
export interface ToolQuantConnect {
  client: QuantConnectClient;
  quantConnect: QuantConnect;
  emulated: boolean;
}

/** Whether QUANTCODER_MCP_EMULATOR asks for the emulator: 1/true/yes, or 0/false/no (unset is no). */
function emulatorRequested(environment: NodeJS.ProcessEnv): boolean {
  const value = optionalEnvironment(EMULATOR_SETTING, environment)?.toLowerCase();
  if (value === undefined || ['0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return true;
  throw new ConfigurationError(
    `${EMULATOR_SETTING} takes 1 (use the local emulator) or 0 (use QuantConnect); unset it to use QuantConnect.`,
  );
}

/**
 * QuantConnect for one tool call: the shared emulator when QUANTCODER_MCP_EMULATOR is set (never silently),
 * otherwise the account of QC_USER_ID and QC_API_TOKEN, whose absence is a ConfigurationError naming them.
 */
export async function connectForTool(context: McpToolContext): Promise<ToolQuantConnect> {
  if (emulatorRequested(context.environment)) {
    const emulator = await context.emulator();
    return {
      client: emulator.client,
      quantConnect: createRestQuantConnect(emulator.client, { emulated: true, webUrl: emulator.webUrl }),
      emulated: true,
    };
  }
  const client = context.quantConnectClient();
  return { client, quantConnect: createRestQuantConnect(client), emulated: false };
}

/**
 * QuantConnect for a generate_strategy run: the server's own (the shared emulator, or the account of
 * QC_USER_ID and QC_API_TOKEN), so get_backtest reads what the run backtested; undefined when the server has
 * neither, and the run starts its own emulator as `quantcoder generate` does.
 */
export async function connectForRun(context: McpToolContext): Promise<QuantConnectConnection | undefined> {
  const emulated = emulatorRequested(context.environment);
  if (!emulated && !readQuantConnectSettings(context.environment)) return undefined;
  const tool = await connectForTool(context);
  return {
    quantConnect: tool.quantConnect,
    describe: () => [
      emulated
        ? `QuantConnect: the server's local emulator (${EMULATOR_SETTING}); its backtests are emulated, not market results.`
        : 'QuantConnect: the account of QC_USER_ID and QC_API_TOKEN.',
    ],
    // The server owns what it shares: its emulator stops with the server, not with the run.
    close: async () => {},
  };
}
