import type { SourceFile } from '../../agents/tasks.js';
import { EmulatedRequestError } from './emulated-request-error.js';

export interface EmulatedProject {
  projectId: number;
  name: string;
  files: Map<string, string>;
}

/** The emulator's projects, in memory. */
export interface ProjectStore {
  create(name: string): EmulatedProject;
  /** The project, or an EmulatedRequestError when there is none with that id. */
  get(projectId: number): EmulatedProject;
  write(projectId: number, files: ReadonlyArray<SourceFile>): void;
  /** A copy of the project's files, sorted by name, for a compile to keep. */
  snapshot(projectId: number): SourceFile[];
}

// Project ids are eight-digit integers on QuantConnect; starting here keeps emulated ids looking alike.
const FIRST_PROJECT_ID = 20_000_001;

/** What QuantConnect puts in `main.py` of a new Python project. */
export const DEFAULT_MAIN_PY = `# region imports
from AlgorithmImports import *
# endregion


class DefaultAlgorithm(QCAlgorithm):

    def initialize(self):
        self.set_start_date(2013, 10, 7)
        self.set_end_date(2013, 10, 11)
        self.set_cash(100000)
        self.add_equity("SPY", Resolution.MINUTE)

    def on_data(self, data: Slice):
        if not self.portfolio.invested:
            self.set_holdings("SPY", 1)
`;

/** Creates an empty in-memory project store. */
export function createProjectStore(): ProjectStore {
  const projects = new Map<number, EmulatedProject>();
  let nextProjectId = FIRST_PROJECT_ID;

  const get = (projectId: number): EmulatedProject => {
    const project = projects.get(projectId);
    if (!project) throw new EmulatedRequestError(`Project ${projectId} was not found.`);
    return project;
  };

  return {
    create(name) {
      if (name.trim() === '') throw new EmulatedRequestError('A project name is required.');
      for (const project of projects.values()) {
        if (project.name === name)
          throw new EmulatedRequestError(`A project named '${name}' already exists.`);
      }
      const project = { projectId: nextProjectId, name, files: new Map([['main.py', DEFAULT_MAIN_PY]]) };
      nextProjectId += 1;
      projects.set(project.projectId, project);
      return project;
    },

    get,

    write(projectId, files) {
      const project = get(projectId);
      for (const file of files) {
        const problem = describeFileNameProblem(file.name);
        if (problem) throw new EmulatedRequestError(`File name '${file.name}' is invalid: ${problem}.`);
        if (file.content === '') throw new EmulatedRequestError(`File '${file.name}' has no content.`);
      }
      for (const file of files) project.files.set(file.name, file.content);
    },

    snapshot(projectId) {
      return [...get(projectId).files.entries()]
        .map(([name, content]) => ({ name, content }))
        .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    },
  };
}

function describeFileNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.startsWith('/') || name.includes('\\')) return 'it must be a relative path with forward slashes';
  if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'it has an empty, "." or ".." segment';
  }
  return undefined;
}
