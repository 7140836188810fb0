import type { FileContract, ParameterValue, Plan } from '../plan.js';
import { FILE_OF_OWNER, type FileOwner } from '../roles.js';
import { avoidLeanClassName, baseClassFor } from './class-names.js';
import { canonicalFileContract, ownersOf, type PlanSpecs, sharedParameters } from './contract-builder.js';

function uniqueByName(parameters: readonly ParameterValue[]): ParameterValue[] {
  const seen = new Set<string>();
  return parameters.filter((parameter) => {
    if (seen.has(parameter.name)) return false;
    seen.add(parameter.name);
    return true;
  });
}

function pascal(owner: FileOwner): string {
  return `${owner.charAt(0).toUpperCase()}${owner.slice(1)}`;
}

function entryFor(contract: Plan['contract'], owner: FileOwner): FileContract | undefined {
  return (
    contract.files.find((file) => file.owner === owner) ??
    contract.files.find((file) => file.file === FILE_OF_OWNER[owner])
  );
}

function normalizeEntry(owner: FileOwner, entry: FileContract | undefined, specs: PlanSpecs): FileContract {
  const baseClass = baseClassFor(owner, specs.universe.kind);
  // An entry on the wrong base class was written for another design; only its name is worth keeping.
  if (!entry || entry.baseClass !== baseClass) {
    return canonicalFileContract(owner, specs, { className: entry?.className });
  }
  return {
    ...entry,
    file: FILE_OF_OWNER[owner],
    owner,
    baseClass,
    constructorParameters: owner === 'strategy' ? [] : uniqueByName(entry.constructorParameters),
  };
}

/**
 * Exactly one entry per owner the plan needs (portfolio only when custom), each on its owner's file and
 * LEAN base class, with distinct class names that do not shadow LEAN's.
 */
export function normalizeContract(contract: Plan['contract'], specs: PlanSpecs): Plan['contract'] {
  const used = new Set<string>();
  const files = ownersOf(specs).map((owner) => {
    const entry = normalizeEntry(owner, entryFor(contract, owner), specs);
    let className = avoidLeanClassName(entry.className);
    if (used.has(className)) className = `${className}${pascal(owner)}`;
    used.add(className);
    return { ...entry, className };
  });
  const shared = uniqueByName(contract.sharedParameters);
  return { files, sharedParameters: shared.length ? shared : sharedParameters(specs) };
}
