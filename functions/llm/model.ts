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

/** A structured output by name, as a request's toolset lists it. */
export interface NamedSchema<T = unknown> {
  name: string;
  schema: z.ZodType<T>;
}

/** One structured-output request to a model. */
export interface ModelRequest<T> {
  role: AgentRole;
  /** Role-specific instructions. */
  system: string;
  /**
   * Long context shared by the agents of a run, in blocks, most stable first: the QuantConnect conventions
   * (the same for every run), then the plan's contract (the same for every agent of a run). Vendors may
   * cache each block's prefix; those that take one text join them with {@link sharedContextText}.
   */
  sharedContext: readonly string[];
  messages: ChatMessage[];
  /** The output must parse with this schema. */
  schema: z.ZodType<T>;
  schemaName: string;
  /**
   * Every structured output the run's agents may ask for, in a fixed order, `schemaName` among them. A vendor
   * that declares outputs as tools (Anthropic) sends them all so the tools, and the prefix cached after them,
   * are the same for every role; it still forces the one named by `schemaName`.
   */
  toolset?: readonly NamedSchema[];
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

/** The shared context as one text: its non-empty blocks, separated by a blank line. */
export function sharedContextText(sharedContext: readonly string[]): string {
  return sharedContext.filter((block) => block.trim().length > 0).join('\n\n');
}

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 };
