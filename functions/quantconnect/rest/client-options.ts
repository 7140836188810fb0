import type { Logger } from '../../shared/logger.js';
import type { RetryPolicy } from './retry-policy.js';

/** Who the client acts for, where it sends requests, and its clock, waits and retry budget (injectable for tests). */
export interface QuantConnectClientOptions {
  userId: string;
  apiToken: string;
  /** Sent with projects/create, so the project lands in this organization rather than the default one. */
  organizationId?: string;
  /** Default QuantConnect's public API; a trailing `/` is added when missing. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Per request, body included. Default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The clock that signs requests (Timestamp) and bounds retries. */
  now?: () => Date;
  sleep?: (milliseconds: number) => Promise<void>;
  logger?: Logger;
}

/** A source file as the `ai/tools` endpoints take it. */
export interface SourceText {
  name: string;
  content: string;
}

/** A `backtests/chart/read` request; times are unix seconds. */
export interface ChartRequest {
  projectId: number;
  backtestId: string;
  name: string;
  /** Points wanted. Default 500. */
  count?: number;
  /** Unix seconds. Default 0. */
  start?: number;
  /** Unix seconds. Default now. */
  end?: number;
}

/** A `live/create` request. */
export interface LiveRequest {
  projectId: number;
  compileId: string;
  nodeId: string;
  /** Default QuantConnect paper trading. */
  brokerage?: { id: string } & Record<string, unknown>;
  /** Default "-1", the latest LEAN. */
  versionId?: string;
}
