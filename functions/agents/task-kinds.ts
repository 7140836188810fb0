import type { AgentTask } from './tasks.js';

/** Each kind of agent task on its own, so prompt renderers take exactly the task they render. */
export type PlanTask = Extract<AgentTask, { kind: 'plan' }>;
export type ComponentTask = Extract<AgentTask, { kind: 'component' }>;
export type RiskTask = Extract<AgentTask, { kind: 'risk' }>;
export type StrategyTask = Extract<AgentTask, { kind: 'strategy' }>;
export type IntegrationTask = Extract<AgentTask, { kind: 'integration' }>;
export type RefineTask = Extract<AgentTask, { kind: 'refine' }>;
