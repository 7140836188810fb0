import type { z } from 'zod';
import type { AgentRole } from '../agents/roles.js';
import type { AgentTask } from '../agents/tasks.js';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Tokens one call used. `cachedInputTokens` is the part of `inputTokens` served from a prompt cache. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** The part of `inputTokens` written to a prompt cache, where the vendor bills writes apart (Anthropic). */
  cacheWriteTokens?: number;
}

/** One structured-output request to a model. */
export interface ModelRequest<T> {
  role: AgentRole;
  /** Role-specific instructions. */
  system: string;
  /** Long context shared by every agent of a run (QuantConnect conventions, the contract); vendors may cache it. */
  sharedContext: string;
  messages: ChatMessage[];
  /** The output must parse with this schema. */
  schema: z.ZodType<T>;
  schemaName: string;
  /** The same request as structured data, for deterministic models that do not read prose. */
  task: AgentTask;
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

export interface ModelResponse<T> {
  output: T;
  usage: TokenUsage;
  provider: string;
  model: string;
}

/** The model port: one implementation per vendor, plus the offline model and scripted fakes. */
export interface Model {
  readonly provider: string;
  readonly modelId: string;
  generate<T>(request: ModelRequest<T>): Promise<ModelResponse<T>>;
}

/** Picks the model for an agent role. */
export type ModelRouter = (role: AgentRole) => Model;

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
