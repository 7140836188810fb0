import type { ChatMessage } from '../../llm/model.js';
import { formatDiagnostic } from '../../validator/diagnostic.js';
import type { IntegrationTask } from '../task-kinds.js';

export const INTEGRATION_SYSTEM = `You are QuantCoder's integration agent. The files of a QuantConnect LEAN Python project were written separately to the interface contract in the shared context, and a deterministic check found that they do not fit together.
Repair them with the smallest change: make imports, class names, base classes and constructor calls match the contract, and the entry file main.py hold the one QCAlgorithm subclass. Do not change trading logic, and do not add files.
Answer as JSON: files (only the files you change, each as file = its name and code = its whole new content, no Markdown fences) and notes (one or two sentences on what you changed).`;

/** The user message for the integration agent: the problems, then every file in full. */
export function renderIntegrationMessages(task: IntegrationTask): ChatMessage[] {
  const content = [
    'Problems (file:line:col severity rule message):',
    ...task.problems.map(formatDiagnostic),
    '',
    'Files:',
    ...task.files.map((file) => `### ${file.name}\n\`\`\`python\n${file.content.trimEnd()}\n\`\`\``),
  ].join('\n');
  return [{ role: 'user', content }];
}
