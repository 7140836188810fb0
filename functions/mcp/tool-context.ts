import type { QuantConnectClient } from '../quantconnect/rest/client.js';
import type { Logger } from '../shared/logger.js';

/** What every MCP tool may use. Built once by the server; tests build it around the emulator. */
export interface McpToolContext {
  /** Settings (QC_USER_ID, QC_API_TOKEN, QC_API_URL, QUANTCODER_ALLOW_LIVE_DEPLOY, ...): process.env in the CLI. */
  environment: NodeJS.ProcessEnv;
  /** Writes to stderr only: stdout carries the protocol. */
  logger: Logger;
  /**
   * A REST client for the configured QuantConnect account. Throws a ConfigurationError that names
   * QC_USER_ID and QC_API_TOKEN when they are unset.
   */
  quantConnectClient(): QuantConnectClient;
}
