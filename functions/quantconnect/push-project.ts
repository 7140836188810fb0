import type { SourceFile } from '../agents/tasks.js';
import type { CompileResult, ProjectRef, QuantConnect } from './port.js';

const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 10_000;

/** Waits that grow by half from a quarter second to ten seconds, as lean-cli polls. */
export function* pollWaits(): Generator<number, never> {
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(LONGEST_WAIT_MS, Math.ceil(wait * 1.5))) yield wait;
}

/** Creates a QuantConnect project and writes the files into it (its template main.py is replaced). */
export async function pushProject(
  quantConnect: QuantConnect,
  name: string,
  files: readonly SourceFile[],
): Promise<ProjectRef> {
  const project = await quantConnect.createProject(name);
  await quantConnect.writeFiles(project.projectId, files);
  return project;
}

export interface CompileWaitOptions {
  sleep: (milliseconds: number) => Promise<void>;
  now: () => number;
  /** When to stop reading a compile that is still queued (on `now`). */
  deadline: number;
}

/**
 * Starts a compile of the project and reads it until it leaves the queue; past the deadline it returns the
 * compile as last read, which may still be InQueue.
 */
export async function compileProject(
  quantConnect: QuantConnect,
  projectId: number,
  options: CompileWaitOptions,
): Promise<CompileResult> {
  let compile = await quantConnect.createCompile(projectId);
  const waits = pollWaits();
  while (compile.state === 'InQueue' && options.now() < options.deadline) {
    await options.sleep(waits.next().value);
    compile = await quantConnect.readCompile(projectId, compile.compileId);
  }
  return compile;
}
