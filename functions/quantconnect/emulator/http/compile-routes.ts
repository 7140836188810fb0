import { createHash } from 'node:crypto';
import type { Route, RouteContext } from './emulator-routes.js';
import { parseInput } from './request-input.js';
import { CompileReadRequest, ProjectRequest } from './request-schemas.js';

/** `compile/create` (always InQueue) and `compile/read` (InQueue, then BuildSuccess or BuildError). */
export function compileRoutes(context: RouteContext): Record<string, Route> {
  const { projects, compiles } = context.engine;
  return {
    'compile/create': (input) => {
      const { projectId } = parseInput(ProjectRequest, input);
      const files = projects.snapshot(projectId);
      const compile = compiles.create(projectId, files);
      const signature = createHash('sha256');
      for (const file of files) signature.update(`${file.name}\0${file.content}\0`);
      return {
        compileId: compile.compileId,
        state: compile.state,
        projectId,
        signature: signature.digest('hex').slice(0, 32),
        signatureOrder: files.map((file) => file.name),
        parameters: [],
      };
    },

    'compile/read': (input) => {
      const request = parseInput(CompileReadRequest, input);
      projects.get(request.projectId);
      // A BuildError is still `success: true`: the request worked, the build did not.
      const compile = compiles.read(request.projectId, request.compileId);
      return {
        compileId: compile.compileId,
        state: compile.state,
        logs: compile.logs,
        projectId: request.projectId,
      };
    },
  };
}
