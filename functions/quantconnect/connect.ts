import { UserInputError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { validateProject } from '../validator/validate-project.js';
import { startQuantConnectEmulator } from './emulator/http/emulator-server.js';
import type { QuantConnect } from './port.js';
import { QuantConnectClient } from './rest/client.js';
import { createRestQuantConnect } from './rest/rest-quantconnect.js';
import { readQuantConnectSettings } from './rest/settings.js';

/** A QuantConnect to talk to, what to tell the user about it, and how to let it go. */
export interface QuantConnectConnection {
  quantConnect: QuantConnect;
  describe(): string[];
  close(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Without credentials: 'emulator' starts the local emulator, 'refuse' says which variables to set.
   * `forceEmulator` uses the emulator even when credentials are set.
   */
  withoutCredentials: 'emulator' | 'refuse';
  forceEmulator?: boolean;
  logger?: Logger;
}

/**
 * QuantConnect through its REST API: the real service when QC_USER_ID and QC_API_TOKEN are set, otherwise
 * the emulator, started on 127.0.0.1 and spoken to by the same client over HTTP, so a local run exercises
 * the protocol it will use for real.
 */
export async function connectQuantConnect(
  environment: NodeJS.ProcessEnv,
  options: ConnectOptions,
): Promise<QuantConnectConnection> {
  const settings = options.forceEmulator ? undefined : readQuantConnectSettings(environment);
  if (settings) {
    const client = new QuantConnectClient({
      ...settings,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return {
      quantConnect: createRestQuantConnect(client),
      describe: () => [`QuantConnect: ${settings.baseUrl} as user ${settings.userId}.`],
      close: async () => {},
    };
  }
  if (options.withoutCredentials === 'refuse' && !options.forceEmulator) {
    throw new UserInputError(
      'Set QC_USER_ID and QC_API_TOKEN (your QuantConnect user id and API token, from quantconnect.com/account) to backtest on QuantConnect, or pass --emulator to use the local emulator.',
    );
  }
  const emulator = await startQuantConnectEmulator({ compileCheck: (files) => validateProject(files) });
  const client = new QuantConnectClient({
    userId: emulator.userId,
    apiToken: emulator.apiToken,
    baseUrl: emulator.url,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    quantConnect: createRestQuantConnect(client, { emulated: true, webUrl: emulator.webUrl }),
    describe: () => [
      `QuantConnect: the local emulator at ${emulator.url}${options.forceEmulator ? '' : ' (no QC_USER_ID / QC_API_TOKEN)'}; its backtests are emulated, not market results.`,
    ],
    close: () => emulator.close(),
  };
}
