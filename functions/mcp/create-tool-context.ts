import {
  type QuantConnectEmulator,
  startQuantConnectEmulator,
} from '../quantconnect/emulator/http/emulator-server.js';
import { QuantConnectClient } from '../quantconnect/rest/client.js';
import { readQuantConnectSettings } from '../quantconnect/rest/settings.js';
import { ConfigurationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { validateProject } from '../validator/validate-project.js';
import { EMULATOR_SETTING } from './quantconnect-access.js';
import type { McpToolContext } from './tool-context.js';

/** A tool context and how to let go of what it started (the shared emulator). */
export interface McpToolContextHandle {
  context: McpToolContext;
  close(): Promise<void>;
}

/**
 * The server's composition root: QuantConnect from QC_USER_ID and QC_API_TOKEN (read on each call, so a
 * missing credential fails that call, not the server), and an emulator started only if a call asks for it.
 */
export function createMcpToolContext(environment: NodeJS.ProcessEnv, logger: Logger): McpToolContextHandle {
  let emulator: Promise<QuantConnectEmulator> | undefined;
  const context: McpToolContext = {
    environment,
    logger,
    quantConnectClient() {
      const settings = readQuantConnectSettings(environment);
      if (!settings) {
        throw new ConfigurationError(
          `QuantConnect credentials are not set: add QC_USER_ID and QC_API_TOKEN (your user id and API token from quantconnect.com/account) to the MCP server's environment, or set ${EMULATOR_SETTING}=1 to use the local emulator (emulated results, not market results).`,
        );
      }
      return new QuantConnectClient({ ...settings, logger });
    },
    async emulator() {
      emulator ??= startQuantConnectEmulator({ compileCheck: (files) => validateProject(files) });
      const started = await emulator;
      logger.info('local QuantConnect emulator in use', { url: started.url });
      return {
        client: new QuantConnectClient({
          userId: started.userId,
          apiToken: started.apiToken,
          baseUrl: started.url,
          logger,
        }),
        webUrl: started.webUrl,
      };
    },
  };
  return {
    context,
    async close() {
      if (emulator) await (await emulator).close();
    },
  };
}
