import type { FileContract, Plan } from '../../../agents/plan.js';
import type { FileOwner } from '../../../agents/roles.js';
import type { GeneratedFile, SourceFile } from '../../../agents/tasks.js';
import { writeAlpha } from './alpha-writer.js';
import { writeMain } from './main-writer.js';
import { writePortfolio } from './portfolio-writer.js';
import { writeRisk } from './risk-writer.js';
import { writeUniverse } from './universe-writer.js';

const WRITERS: Record<FileOwner, (plan: Plan, contract: FileContract) => GeneratedFile> = {
  universe: writeUniverse,
  alpha: writeAlpha,
  portfolio: writePortfolio,
  risk: writeRisk,
  strategy: writeMain,
};

/** Writes the LEAN Python module a contract entry asks for, deterministically, from the plan alone. */
export function writeLeanFile(plan: Plan, contract: FileContract): GeneratedFile {
  return WRITERS[contract.owner](plan, contract);
}

/** Writes every file of the plan's contract, in contract order. */
export function writeLeanProject(plan: Plan): SourceFile[] {
  return plan.contract.files.map((contract) => ({
    name: contract.file,
    content: writeLeanFile(plan, contract).code,
  }));
}
