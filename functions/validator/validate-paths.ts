import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../agents/tasks.js';
import { UserInputError } from '../shared/errors.js';
import type { Diagnostic } from './diagnostic.js';
import { type ValidateOptions, validateProject } from './validate-project.js';

/** What `quantcoder validate` reports: how many files it checked and every finding, paths as the user wrote them. */
export interface PathsValidation {
  files: number;
  diagnostics: Diagnostic[];
}

/** Folders that are never project code. */
const SKIPPED_FOLDERS = new Set(['__pycache__', 'node_modules', 'venv', '.venv', 'site-packages']);

/**
 * Validates files and project directories. A directory is one project: every .py file under it, with
 * project-level checks (main.py, imports). A file is checked with its directory as its import root: the
 * sibling modules it imports are read so imports resolve, and only the named file's findings are reported.
 */
export async function validatePaths(
  paths: readonly string[],
  options: Omit<ValidateOptions, 'contract'> = {},
): Promise<PathsValidation> {
  if (paths.length === 0)
    throw new UserInputError('Name at least one .py file or project directory to validate.');
  const fileGroups = new Map<string, Set<string>>();
  const results: PathsValidation[] = [];
  for (const path of paths) {
    const kind = await kindOf(path);
    if (kind === 'directory') {
      results.push(await validateDirectory(path, options));
      continue;
    }
    if (!path.endsWith('.py')) {
      throw new UserInputError(`${path} is not a Python file: name .py files or project directories.`);
    }
    const folder = dirname(path);
    const group = fileGroups.get(folder) ?? new Set<string>();
    group.add(basename(path));
    fileGroups.set(folder, group);
  }
  for (const [folder, names] of fileGroups) results.push(await validateFiles(folder, names, options));
  return {
    files: results.reduce((total, result) => total + result.files, 0),
    diagnostics: results.flatMap((result) => result.diagnostics),
  };
}

async function kindOf(path: string): Promise<'file' | 'directory'> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return 'directory';
    if (info.isFile()) return 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserInputError(`${path} does not exist: name .py files or project directories.`, {
        cause: error,
      });
    }
    throw error;
  }
  throw new UserInputError(`${path} is neither a file nor a directory.`);
}

async function validateDirectory(
  directory: string,
  options: Omit<ValidateOptions, 'contract'>,
): Promise<PathsValidation> {
  const files = await readPythonProject(directory);
  if (files.length === 0) {
    throw new UserInputError(`${directory} holds no .py files: name a QuantConnect project directory.`);
  }
  const diagnostics = validateProject(files, options);
  return { files: files.length, diagnostics: diagnostics.map((item) => displayed(directory, item)) };
}

async function validateFiles(
  folder: string,
  named: ReadonlySet<string>,
  options: Omit<ValidateOptions, 'contract'>,
): Promise<PathsValidation> {
  const files = new Map<string, SourceFile>();
  const pending = [...named];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (files.has(name)) continue;
    const file = await readSource(folder, name);
    files.set(name, file);
    for (const candidate of candidateFiles(file.content)) {
      if (!files.has(candidate) && (await isFile(join(folder, candidate)))) pending.push(candidate);
    }
  }
  const diagnostics = validateProject([...files.values()], options).filter((item) => named.has(item.file));
  return { files: named.size, diagnostics: diagnostics.map((item) => displayed(folder, item)) };
}

/**
 * The project files a source may import, relative to its import root: for `a.b.c`, a.py, a/__init__.py,
 * a/b.py ... a/b/c.py. It over-approximates (any `import`/`from` line counts, wherever it is): a file read
 * for nothing costs a parse, a file missed would turn a valid import into an error.
 */
function candidateFiles(content: string): string[] {
  const modules: string[] = [];
  const statements = content.matchAll(
    /^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+\(?([\w., \t]+)|import[ \t]+([\w., \t]+))/gm,
  );
  for (const [, dots, from, names, imported] of statements) {
    if (imported !== undefined) modules.push(...imported.split(','));
    else if (from) modules.push(from);
    else if (dots) modules.push(...(names ?? '').split(','));
  }
  const candidates = new Set<string>();
  for (const module of modules) {
    const parts = (module.trim().split(/[ \t]/)[0] ?? '').split('.').filter((part) => part !== '');
    for (let length = 1; length <= parts.length; length += 1) {
      const path = parts.slice(0, length).join('/');
      candidates.add(`${path}.py`);
      candidates.add(`${path}/__init__.py`);
    }
  }
  return [...candidates];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Every .py file under a project directory, named by its path from there with `/` (`utils/math.py`), in name
 * order; hidden folders, caches and virtual environments are not project code.
 */
export async function readPythonProject(directory: string): Promise<SourceFile[]> {
  const root = resolve(directory);
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((name) => !name.split('/').some((part) => part.startsWith('.') || SKIPPED_FOLDERS.has(part)))
    .sort();
  return Promise.all(names.map((name) => readSource(root, name)));
}

async function readSource(folder: string, name: string): Promise<SourceFile> {
  return { name, content: await readFile(join(folder, name), 'utf8') };
}

/** The diagnostic with its file as the user would open it: the path they gave joined to the project name. */
function displayed(folder: string, diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, file: join(folder, diagnostic.file) };
}
