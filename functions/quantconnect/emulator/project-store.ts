import type { SourceFile } from '../../agents/tasks.js';
import { EmulatedRequestError } from './emulated-request-error.js';
import { DEFAULT_MAIN_PY, DEFAULT_RESEARCH_NOTEBOOK } from './project-templates.js';

export interface EmulatedFile {
  name: string;
  content: string;
  modified: Date;
}

export interface EmulatedProject {
  projectId: number;
  name: string;
  created: Date;
  modified: Date;
  files: Map<string, EmulatedFile>;
}

/** The emulator's projects, in memory. */
export interface ProjectStore {
  create(name: string): EmulatedProject;
  /** The project, or an EmulatedRequestError when there is none with that id. */
  get(projectId: number): EmulatedProject;
  list(): EmulatedProject[];
  delete(projectId: number): void;
  /** Creates or replaces each file (the port's writeFiles). */
  write(projectId: number, files: ReadonlyArray<SourceFile>): void;
  /** `files/create`: fails when the name is taken, as QuantConnect does for main.py in a new project. */
  createFile(projectId: number, file: SourceFile): EmulatedFile;
  /** `files/update`: fails when there is no file with that name. */
  updateFile(projectId: number, file: SourceFile): EmulatedFile;
  renameFile(projectId: number, name: string, newName: string): EmulatedFile;
  /** All files, or the one named (an error when it does not exist). */
  readFiles(projectId: number, name?: string): EmulatedFile[];
  deleteFile(projectId: number, name: string): void;
  /** A copy of the files a build sees, sorted by name; notebooks are not part of a build. */
  snapshot(projectId: number): SourceFile[];
}

// Project ids are eight-digit integers on QuantConnect; starting here keeps emulated ids looking alike.
const FIRST_PROJECT_ID = 20_000_001;
// The largest file QuantConnect's top tier accepts; smaller tiers allow less.
const DEFAULT_MAX_FILE_BYTES = 256_000;

/** Creates an empty in-memory project store. */
export function createProjectStore(options: { now?: () => Date; maxFileBytes?: number } = {}): ProjectStore {
  const now = options.now ?? (() => new Date());
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const projects = new Map<number, EmulatedProject>();
  let nextProjectId = FIRST_PROJECT_ID;

  const get = (projectId: number): EmulatedProject => {
    const project = projects.get(projectId);
    if (!project) throw new EmulatedRequestError(`Project ${projectId} was not found.`);
    return project;
  };
  const check = (file: SourceFile): void => {
    const problem = describeFileNameProblem(file.name);
    if (problem) throw new EmulatedRequestError(`File name '${file.name}' is invalid: ${problem}.`);
    if (file.content === '') throw new EmulatedRequestError(`File '${file.name}' has no content.`);
    const bytes = Buffer.byteLength(file.content, 'utf8');
    if (bytes > maxFileBytes) {
      throw new EmulatedRequestError(
        `File '${file.name}' is ${bytes} bytes; the largest file allowed is ${maxFileBytes} bytes.`,
      );
    }
  };
  const store = (project: EmulatedProject, file: SourceFile): EmulatedFile => {
    const stored = { name: file.name, content: file.content, modified: now() };
    project.files.set(file.name, stored);
    project.modified = stored.modified;
    return { ...stored };
  };
  const existing = (project: EmulatedProject, name: string): EmulatedFile => {
    const file = project.files.get(name);
    if (!file)
      throw new EmulatedRequestError(`File '${name}' was not found in project ${project.projectId}.`);
    return file;
  };

  return {
    create(name) {
      if (name.trim() === '') throw new EmulatedRequestError('A project name is required.');
      for (const project of projects.values()) {
        if (project.name === name)
          throw new EmulatedRequestError(`A project named '${name}' already exists.`);
      }
      const created = now();
      const project: EmulatedProject = {
        projectId: nextProjectId,
        name,
        created,
        modified: created,
        files: new Map(
          [
            { name: 'main.py', content: DEFAULT_MAIN_PY },
            { name: 'research.ipynb', content: DEFAULT_RESEARCH_NOTEBOOK },
          ].map((file) => [file.name, { ...file, modified: created }]),
        ),
      };
      nextProjectId += 1;
      projects.set(project.projectId, project);
      return project;
    },

    get,

    list: () => [...projects.values()],

    delete(projectId) {
      projects.delete(get(projectId).projectId);
    },

    write(projectId, files) {
      const project = get(projectId);
      for (const file of files) check(file);
      for (const file of files) store(project, file);
    },

    createFile(projectId, file) {
      const project = get(projectId);
      check(file);
      if (project.files.has(file.name)) {
        throw new EmulatedRequestError(
          `File '${file.name}' already exists in project ${projectId}; use files/update to change it.`,
        );
      }
      return store(project, file);
    },

    updateFile(projectId, file) {
      const project = get(projectId);
      existing(project, file.name);
      check(file);
      return store(project, file);
    },

    renameFile(projectId, name, newName) {
      const project = get(projectId);
      const file = existing(project, name);
      check({ name: newName, content: file.content });
      if (project.files.has(newName)) {
        throw new EmulatedRequestError(`File '${newName}' already exists in project ${projectId}.`);
      }
      project.files.delete(name);
      return store(project, { name: newName, content: file.content });
    },

    readFiles(projectId, name) {
      const project = get(projectId);
      const files = name === undefined ? [...project.files.values()] : [existing(project, name)];
      return files.map((file) => ({ ...file }));
    },

    deleteFile(projectId, name) {
      const project = get(projectId);
      project.files.delete(existing(project, name).name);
      project.modified = now();
    },

    snapshot(projectId) {
      return [...get(projectId).files.values()]
        .filter((file) => !file.name.endsWith('.ipynb'))
        .map((file) => ({ name: file.name, content: file.content }))
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
