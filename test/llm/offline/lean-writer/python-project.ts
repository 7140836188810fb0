import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SourceFile } from '../../../../functions/agents/tasks.js';

const FACTS_SCRIPT = fileURLToPath(new URL('./python_facts.py', import.meta.url));

const temporaryRoots: string[] = [];

/** Writes a project's files into a fresh temporary directory and returns the directory. */
export function writeProjectToTemp(name: string, files: readonly SourceFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'quantcoder-lean-writer-'));
  temporaryRoots.push(root);
  const directory = join(root, name);
  mkdirSync(directory);
  for (const file of files) writeFileSync(join(directory, file.name), file.content);
  return directory;
}

/** Deletes every directory writeProjectToTemp made in this process. */
export function removeTemporaryProjects(): void {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Byte-compiles every file with `python3 -m py_compile`; throws with Python's message on a syntax error. */
export function compilePython(directory: string, files: readonly SourceFile[]): void {
  const paths = files.filter((file) => file.name.endsWith('.py')).map((file) => join(directory, file.name));
  execFileSync('python3', ['-m', 'py_compile', ...paths], { stdio: 'pipe', timeout: 30_000 });
}

const Call = z.object({
  object: z.enum(['self', 'algorithm']),
  name: z.string(),
  positional: z.number(),
  starred: z.boolean(),
  keywords: z.array(z.string().nullable()),
  class: z.string(),
  line: z.number(),
});
export type PythonCall = z.infer<typeof Call>;

const FileFacts = z.object({
  imports: z.array(z.object({ module: z.string(), names: z.array(z.string()) })),
  star_imports: z.array(z.string()),
  star_names: z.array(z.string()),
  classes: z.array(
    z.object({
      name: z.string(),
      bases: z.array(z.string()),
      methods: z.array(z.string()),
      assigned: z.array(z.string()),
      loaded: z.array(z.string()),
      super_init_arguments: z.number().nullable(),
    }),
  ),
  calls: z.array(Call),
  static_members: z.array(z.object({ type: z.string(), member: z.string(), line: z.number() })),
  static_calls: z.array(
    z.object({
      type: z.string(),
      member: z.string(),
      positional: z.number(),
      keywords: z.array(z.string().nullable()),
      line: z.number(),
    }),
  ),
  attributes: z.array(z.string()),
  python_attributes: z.array(z.string()),
  algorithm_reads: z.array(z.string()),
  constructions: z.array(
    z.object({
      callee: z.string(),
      positional: z.number(),
      keywords: z.record(z.string(), z.unknown()),
      line: z.number(),
    }),
  ),
  first_lines: z.array(z.string()),
});
export type PythonFileFacts = z.infer<typeof FileFacts>;

/** What each module of each project names (imports, calls, static members, attributes), from Python's ast. */
export function pythonFactsOfProjects(
  directories: readonly string[],
): Record<string, Record<string, PythonFileFacts>> {
  const output = execFileSync('python3', [FACTS_SCRIPT, ...directories], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return z.record(z.string(), z.record(z.string(), FileFacts)).parse(JSON.parse(output));
}

/** What each module of one project names. */
export function pythonFacts(directory: string): Record<string, PythonFileFacts> {
  return pythonFactsOfProjects([directory])[directory] ?? {};
}
