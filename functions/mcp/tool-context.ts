import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { QuantConnectClient } from '../quantconnect/rest/client.js';
import type { Logger } from '../shared/logger.js';

/** The local QuantConnect emulator a server shares between calls, and where its pages are. */
export interface SharedEmulator {
  client: QuantConnectClient;
  webUrl: string;
}

/** AWS clients for the deployed pipeline, made per region (the state machine's ARN names it). */
export interface McpAwsClients {
  /** Async so the AWS SDK loads only when a deployed run is asked for. */
  stepFunctions(region: string): Promise<SFNClient>;
  s3(region: string): Promise<S3Client>;
}

/**
 * What every MCP tool may use. Built once by createMcpToolContext, which sets every seam's default;
 * tests replace the seams they need.
 */
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
  /**
   * The local emulator, started on first use and shared by every call, so `get_backtest` reads what
   * `backtest` and `generate_strategy` started. Used only when QUANTCODER_MCP_EMULATOR is set.
   */
  emulator(): Promise<SharedEmulator>;
  /** Waits between polls: the real clock in the server, instant in tests. */
  sleep(milliseconds: number): Promise<void>;
  /** The clock that bounds waits, in milliseconds. */
  now(): number;
  /** Clients for the deployed pipeline (STATE_MACHINE_ARN). */
  aws: McpAwsClients;
}
