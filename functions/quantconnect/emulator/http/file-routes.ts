import { EmulatedRequestError } from '../emulated-request-error.js';
import type { EmulatedFile } from '../project-store.js';
import type { Route, RouteContext } from './emulator-routes.js';
import { parseInput } from './request-input.js';
import {
  FileCreateRequest,
  FileDeleteRequest,
  FileReadRequest,
  FileUpdateRequest,
} from './request-schemas.js';
import { quantConnectDate } from './wire-format.js';

/** `files/create|update|read|delete`; `files/patch` answers that it is not emulated. */
export function fileRoutes(context: RouteContext): Record<string, Route> {
  const { projects } = context.engine;
  return {
    'files/create': (input) => {
      const request = parseInput(FileCreateRequest, input);
      const file = projects.createFile(request.projectId, { name: request.name, content: request.content });
      return { files: [wireFile(file, request.projectId)] };
    },

    'files/update': (input) => {
      const request = parseInput(FileUpdateRequest, input);
      const file =
        request.newName !== undefined
          ? projects.renameFile(request.projectId, request.name, request.newName)
          : projects.updateFile(request.projectId, { name: request.name, content: request.content ?? '' });
      return { files: [wireFile(file, request.projectId)] };
    },

    'files/read': (input) => {
      const request = parseInput(FileReadRequest, input);
      const files = projects.readFiles(request.projectId, request.name);
      return { files: files.map((file) => wireFile(file, request.projectId)) };
    },

    'files/delete': (input) => {
      const request = parseInput(FileDeleteRequest, input);
      projects.deleteFile(request.projectId, request.name);
      return {};
    },

    'files/patch': () => {
      throw new EmulatedRequestError('files/patch is not emulated; send whole files with files/update.');
    },
  };
}

function wireFile(file: EmulatedFile, projectId: number): Record<string, unknown> {
  return {
    id: 0,
    projectId,
    name: file.name,
    content: file.content,
    modified: quantConnectDate(file.modified),
    open: false,
    isLibrary: false,
  };
}
