import { z } from 'zod';
import { Diagnostic } from '../validator/diagnostic.js';
import { FileContract, Plan } from './plan.js';
import { FileOwner } from './roles.js';

export const SourceFile = z.object({ name: z.string(), content: z.string() });
export type SourceFile = z.infer<typeof SourceFile>;

/** Defaults the coordinator applies where an idea names no dates or cash. */
export const PlanDefaults = z.object({
  startDate: z.string(),
  endDate: z.string(),
  cash: z.number(),
});
export type PlanDefaults = z.infer<typeof PlanDefaults>;

/**
 * What an agent is asked to do, as data. Prompts are rendered from it for vendor models;
 * the offline model reads it directly.
 */
export const AgentTask = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('plan'),
    idea: z.string(),
    defaults: PlanDefaults,
    /** Set when the idea refines an earlier run ("make it long-only"). */
    previousPlan: Plan.optional(),
  }),
  z.object({
    kind: z.literal('component'),
    owner: z.enum(['universe', 'alpha', 'portfolio']),
    plan: Plan,
    contract: FileContract,
  }),
  z.object({ kind: z.literal('risk'), plan: Plan, contract: FileContract, alphaContract: FileContract }),
  z.object({
    kind: z.literal('strategy'),
    plan: Plan,
    contract: FileContract,
    components: z.array(FileContract),
  }),
  z.object({
    kind: z.literal('integration'),
    plan: Plan,
    files: z.array(SourceFile),
    problems: z.array(Diagnostic),
  }),
  z.object({
    kind: z.literal('refine'),
    plan: Plan,
    owner: FileOwner,
    contract: FileContract,
    file: SourceFile,
    diagnostics: z.array(Diagnostic),
    otherFiles: z.array(SourceFile),
  }),
]);
export type AgentTask = z.infer<typeof AgentTask>;

/** What every file-writing agent returns. */
export const GeneratedFile = z.object({
  className: z.string().describe('the class the file defines, as the contract names it'),
  code: z.string().min(1).describe('the whole Python module'),
  notes: z.string().describe('one or two sentences on choices made'),
});
export type GeneratedFile = z.infer<typeof GeneratedFile>;

/** What the integration agent returns when asked to repair cross-file problems. */
export const IntegrationRepair = z.object({
  files: z.array(z.object({ file: z.string(), code: z.string().min(1) })),
  notes: z.string(),
});
export type IntegrationRepair = z.infer<typeof IntegrationRepair>;
