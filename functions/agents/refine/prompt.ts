import type { ChatMessage } from '../../llm/model.js';
import { formatDiagnostic } from '../../validator/diagnostic.js';
import { ALPHA_GUIDANCE } from '../alpha/prompt.js';
import { renderFileContract } from '../contract-text.js';
import { PORTFOLIO_GUIDANCE } from '../portfolio/prompt.js';
import { outlinePython } from '../python-outline.js';
import { RISK_GUIDANCE } from '../risk/prompt.js';
import type { FileOwner } from '../roles.js';
import { STRATEGY_GUIDANCE } from '../strategy/prompt.js';
import type { RefineTask } from '../task-kinds.js';
import { UNIVERSE_GUIDANCE } from '../universe/prompt.js';
import { renderWriterSystem } from '../writer-prompt.js';

const GUIDANCE_OF_OWNER: Record<FileOwner, string> = {
  universe: UNIVERSE_GUIDANCE,
  alpha: ALPHA_GUIDANCE,
  portfolio: PORTFOLIO_GUIDANCE,
  risk: RISK_GUIDANCE,
  strategy: STRATEGY_GUIDANCE,
};

const REFINE_RULES = `You are now repairing this file after review. Make every listed diagnostic go away with the smallest change; keep the contract's class name, base class and constructor parameters, and keep the trading logic unless a diagnostic is about it. Return the whole corrected module.`;

/** The refine agent's system prompt: the owner's own instructions plus the repair rules. */
export function renderRefineSystem(owner: FileOwner): string {
  return `${renderWriterSystem(owner, GUIDANCE_OF_OWNER[owner])}\n\n${REFINE_RULES}`;
}

/** The user message for a repair: the diagnostics as given, the file's code, and outlines of the other files. */
export function renderRefineMessages(task: RefineTask): ChatMessage[] {
  const content = [
    `Repair ${task.file.name}. Its contract entry:`,
    renderFileContract(task.contract),
    '',
    'Diagnostics (file:line:col severity rule message):',
    ...(task.diagnostics.length
      ? task.diagnostics.map(formatDiagnostic)
      : ['(none given: check it against the contract)']),
    '',
    `Current ${task.file.name}:`,
    `\`\`\`python\n${task.file.content.trimEnd()}\n\`\`\``,
    '',
    'Other files of the project (class and def lines only):',
    ...task.otherFiles.map(outlinePython),
  ].join('\n');
  return [{ role: 'user', content }];
}
