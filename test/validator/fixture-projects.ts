import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileContract } from '../../functions/agents/plan.js';
import type { SourceFile } from '../../functions/agents/tasks.js';

/** A valid LEAN project of the fixture corpus: its files and, for framework projects, the plan's contract. */
export interface FixtureProject {
  name: string;
  files: SourceFile[];
  contract: FileContract[] | undefined;
}

const CORPUS = fileURLToPath(new URL('../fixtures/validator/valid', import.meta.url));
const CONTRACT_FILE = 'contract.json';

/** Every project of test/fixtures/validator/valid, by folder name. */
export function loadValidProjects(): FixtureProject[] {
  return readdirSync(CORPUS)
    .sort()
    .map((name) => loadValidProject(name));
}

/** One project of the corpus. */
export function loadValidProject(name: string): FixtureProject {
  const folder = path.join(CORPUS, name);
  const files = readdirSync(folder)
    .filter((file) => file !== CONTRACT_FILE)
    .sort()
    .map((file) => ({ name: file, content: readFileSync(path.join(folder, file), 'utf8') }));
  const contractPath = path.join(folder, CONTRACT_FILE);
  const contract = existsSync(contractPath)
    ? FileContract.array().parse(JSON.parse(readFileSync(contractPath, 'utf8')))
    : undefined;
  return { name, files, contract };
}

/** The files with `search` replaced once by `replacement` in `fileName`; fails loudly when `search` is absent. */
export function editFile(
  files: readonly SourceFile[],
  fileName: string,
  search: string,
  replacement: string,
): SourceFile[] {
  return files.map((file) => {
    if (file.name !== fileName) return file;
    if (!file.content.includes(search))
      throw new Error(`${fileName} does not contain ${JSON.stringify(search)}`);
    return { ...file, content: file.content.replace(search, replacement) };
  });
}
