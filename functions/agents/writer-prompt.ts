import { renderFileContract } from './contract-text.js';
import type { FileContract } from './plan.js';
import { FILE_OF_OWNER, type FileOwner } from './roles.js';

/** Rules every file-writing agent follows, whoever owns the file. */
const WRITER_RULES = `Rules:
- Define the class exactly as your file's contract entry names it, with its base class. A model class has an __init__ whose parameters are the contract's, in that order, with its values as defaults; the QCAlgorithm subclass has none and sets up in initialize(self).
- Follow the LEAN conventions above; use only names they, LEAN's API or your own code define.
- Import other project classes from their modules by the contract's names; do not redefine them.
- Write complete code: no placeholders, TODOs, prints or elided parts.`;

const ANSWER_FORMAT =
  "Answer as JSON: className (the contract's class name), code (the whole module, no Markdown fences), notes (one or two sentences on choices you made).";

/** The system prompt of the agent that owns `owner`'s file: shared rules plus the role's own guidance. */
export function renderWriterSystem(owner: FileOwner, guidance: string): string {
  return [
    `You are QuantCoder's ${owner} agent. You write ${FILE_OF_OWNER[owner]}, one module of a QuantConnect LEAN Python project, to the interface contract in the shared context.`,
    WRITER_RULES,
    `${owner} guidance:\n${guidance}`,
    ANSWER_FORMAT,
  ].join('\n\n');
}

/** The user message asking for one file: its contract entry repeated, plus role-specific details. */
export function renderWriteRequest(contract: FileContract, details: readonly string[]): string {
  return [`Write ${contract.file}. Your contract entry:`, renderFileContract(contract), ...details].join(
    '\n',
  );
}
