import type { z } from 'zod';
import type { AgentRole } from '../../functions/agents/roles.js';
import type { AgentTask } from '../../functions/agents/tasks.js';
import type { ModelRequest } from '../../functions/llm/model.js';

/** A model request for tests: fixed prompt text, the given task, schema and role. */
export function modelRequest<T>(
  role: AgentRole,
  task: AgentTask,
  schema: z.ZodType<T>,
  extra: Partial<ModelRequest<T>> = {},
): ModelRequest<T> {
  return {
    role,
    system: 'You write one file of a QuantConnect project.',
    sharedContext: ['LEAN conventions and the plan.'],
    messages: [{ role: 'user', content: 'Write the file.' }],
    schema,
    schemaName: 'TestSchema',
    task,
    ...extra,
  };
}
