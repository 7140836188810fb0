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
import type { McpAwsClients, McpToolContext } from './tool-context.js';

/** A tool context and how to let go of what it started (the shared emulator). */
export interface McpToolContextHandle {
  context: McpToolContext;
  close(): Promise<void>;
}

/**
 * The server's composition root: QuantConnect from QC_USER_ID and QC_API_TOKEN (read on each call, so a
 * missing credential fails that call, not the server), an emulator started only if a call asks for it, the
 * real clock, and the AWS SDK's clients (loaded on first use) for deployed runs.
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
    sleep: (milliseconds) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
    now: Date.now,
    aws: sdkAwsClients(),
  };
  return {
    context,
    async close() {
      if (emulator) await (await emulator).close();
    },
  };
}

/** The AWS SDK's clients with its default credentials; the SDK modules load on the first deployed run. */
function sdkAwsClients(): McpAwsClients {
  return {
    async stepFunctions(region) {
      const { SFNClient } = await import('@aws-sdk/client-sfn');
      return new SFNClient({ region });
    },
    async s3(region) {
      const { S3Client } = await import('@aws-sdk/client-s3');
      return new S3Client({ region });
    },
  };
}
