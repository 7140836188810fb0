import { randomBytes } from 'node:crypto';
import type { SourceFile } from '../agents/tasks.js';
import { parseCompileLogs } from '../quantconnect/compile-errors.js';
import type { CompileState, QuantConnect } from '../quantconnect/port.js';
import { compileProject, pushProject } from '../quantconnect/push-project.js';
import type { Diagnostic } from '../validator/diagnostic.js';

/** QuantConnect's build of a pushed project: its state, its log and the errors in it at file and line. */
export interface CloudCompile {
  projectId: number;
  projectUrl: string;
  compileId: string;
  state: CompileState;
  logs: string[];
  diagnostics: Diagnostic[];
}

/** Pushes the files to a new QuantConnect project and compiles it, waiting until `deadline` (on `now`). */
export async function compileInCloud(
  quantConnect: QuantConnect,
  files: readonly SourceFile[],
  options: {
    projectName: string;
    sleep: (milliseconds: number) => Promise<void>;
    now: () => number;
    deadline: number;
  },
): Promise<CloudCompile> {
  const project = await pushProject(quantConnect, options.projectName, files);
  const compile = await compileProject(quantConnect, project.projectId, options);
  const names = new Set(files.map((file) => file.name));
  return {
    projectId: project.projectId,
    projectUrl: project.url,
    compileId: compile.compileId,
    state: compile.state,
    logs: compile.logs,
    diagnostics: compile.state === 'BuildError' ? parseCompileLogs(compile.logs, names) : [],
  };
}

/** A QuantConnect project name no earlier call used: names are unique per account. */
export function uniqueProjectName(label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const safe = label.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'quantcoder';
  return `${safe}-${stamp}-${randomBytes(2).toString('hex')}`;
}
