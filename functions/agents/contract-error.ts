import { QuantCoderError } from '../shared/errors.js';
import { contractFor, type FileContract, type Plan } from './plan.js';
import type { FileOwner } from './roles.js';

/** An agent was asked to write a file the plan's contract does not have (a pipeline bug, not a model fault). */
export class ContractError extends QuantCoderError {
  override readonly name: string = 'ContractError';
}

/** The contract entry for `owner`, or a ContractError naming what is missing. */
export function requireContract(plan: Plan, owner: FileOwner): FileContract {
  const contract = contractFor(plan, owner);
  if (!contract) {
    throw new ContractError(
      `The plan ${plan.projectName} has no ${owner} file in its contract (files: ${plan.contract.files.map((file) => file.file).join(', ')}).`,
    );
  }
  return contract;
}
