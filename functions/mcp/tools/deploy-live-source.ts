import type { SourceFile } from '../../agents/tasks.js';
import type { QuantConnect } from '../../quantconnect/port.js';
import { pushProject, uniqueProjectName } from '../../quantconnect/push-project.js';
import { UserInputError } from '../../shared/errors.js';
import { readPushableProject } from '../project-input.js';

/** Where a deployment's code comes from, as `deploy_live` takes it. */
export interface DeploySourceInput {
  files?: Record<string, string> | undefined;
  path?: string | undefined;
  projectId?: number | undefined;
  compileId?: string | undefined;
}

/** An existing QuantConnect project, or files to push to a new one. */
export type DeploySource =
  | { kind: 'project'; projectId: number }
  | { kind: 'files'; files: SourceFile[]; label: string };

/** The QuantConnect project to deploy, and its file names when QuantCoder pushed them. */
export interface DeployTarget {
  projectId: number;
  fileNames?: string[];
}

/**
 * What to deploy: exactly one of files, path (read now, a folder with main.py) or projectId; compileId only
 * with projectId. Reads nothing from QuantConnect, so a bad call fails before any request.
 */
export async function readDeploySource(input: DeploySourceInput): Promise<DeploySource> {
  const given = [input.files, input.path, input.projectId].filter((value) => value !== undefined).length;
  if (given !== 1) {
    throw new UserInputError(
      'Give exactly one of files ({"main.py": "..."} with the code), path (a project folder on the machine that runs QuantCoder) or projectId (an existing QuantConnect project).',
    );
  }
  if (input.compileId !== undefined && input.projectId === undefined) {
    throw new UserInputError(
      'compileId belongs to an existing project: pass it with projectId, or leave it out to compile the pushed files.',
    );
  }
  if (input.projectId !== undefined) return { kind: 'project', projectId: input.projectId };
  return { kind: 'files', ...(await readPushableProject(input)) };
}

/** The project to deploy: the one named, or a new project the files are pushed to. */
export async function deployTarget(
  quantConnect: QuantConnect,
  source: DeploySource,
  now: Date,
): Promise<DeployTarget> {
  if (source.kind === 'project') return { projectId: source.projectId };
  const project = await pushProject(
    quantConnect,
    uniqueProjectName(`${source.label}-live`, now),
    source.files,
  );
  return { projectId: project.projectId, fileNames: source.files.map((file) => file.name) };
}
