import type { NamedSchema } from '../llm/model.js';
import { PlanDraft } from './plan.js';
import { GeneratedFile, IntegrationRepair } from './tasks.js';

/** Each structured output an agent asks for, under the stable name vendors see it by. */
export const AGENT_OUTPUTS = {
  plan: { name: 'PlanDraft', schema: PlanDraft },
  file: { name: 'GeneratedFile', schema: GeneratedFile },
  integration: { name: 'IntegrationRepair', schema: IntegrationRepair },
} as const satisfies Record<string, NamedSchema>;

export type AgentOutputKind = keyof typeof AGENT_OUTPUTS;

/**
 * Every output of the run's agents, in a fixed order. Each request carries all of them, so a vendor that
 * declares outputs as tools sends the same tools whichever role asks, and the cached prefix stays shared.
 */
export const AGENT_TOOLSET: readonly NamedSchema[] = [
  AGENT_OUTPUTS.plan,
  AGENT_OUTPUTS.file,
  AGENT_OUTPUTS.integration,
];

/** The output fields of an agent's request: the schema, its name and the run's whole toolset. */
export function agentOutput<K extends AgentOutputKind>(
  kind: K,
): { schema: (typeof AGENT_OUTPUTS)[K]['schema']; schemaName: string; toolset: readonly NamedSchema[] } {
  const { name, schema } = AGENT_OUTPUTS[kind];
  return { schema, schemaName: name, toolset: AGENT_TOOLSET };
}
