import { EmulatedRequestError } from '../emulated-request-error.js';
import type { EmulatedProject } from '../project-store.js';
import type { Route, RouteContext } from './emulator-routes.js';
import { parseInput } from './request-input.js';
import { ProjectCreateRequest, ProjectReadRequest, ProjectRequest } from './request-schemas.js';
import { EMULATED_NOTE } from './wire-backtest.js';
import { quantConnectDate } from './wire-format.js';

/** `authenticate`, `projects/create|read|delete` and `projects/nodes/read`. */
export function projectRoutes(context: RouteContext): Record<string, Route> {
  const { engine } = context;
  const wire = (project: EmulatedProject) => wireProject(project, context);
  return {
    authenticate: () => ({}),

    'projects/create': (input) => {
      const request = parseInput(ProjectCreateRequest, input);
      if (request.language !== 'Py') {
        throw new EmulatedRequestError(
          `Language '${request.language}' is not emulated; create "Py" projects.`,
        );
      }
      return { projects: [wire(engine.projects.create(request.name))], versions: [] };
    },

    'projects/read': (input) => {
      const { projectId } = parseInput(ProjectReadRequest, input);
      const projects = projectId === undefined ? engine.projects.list() : [engine.projects.get(projectId)];
      return { projects: projects.map(wire), versions: [] };
    },

    'projects/delete': (input) => {
      engine.projects.delete(parseInput(ProjectRequest, input).projectId);
      return {};
    },

    'projects/nodes/read': (input) => {
      engine.projects.get(parseInput(ProjectRequest, input).projectId);
      return { nodes: structuredClone(engine.nodes), autoSelectNode: true };
    },
  };
}

function wireProject(project: EmulatedProject, context: RouteContext): Record<string, unknown> {
  return {
    projectId: project.projectId,
    organizationId: context.engine.organizationId,
    name: project.name,
    modified: quantConnectDate(project.modified),
    created: quantConnectDate(project.created),
    ownerId: /^\d+$/.test(context.userId) ? Number(context.userId) : 0,
    language: 'Py',
    collaborators: [],
    leanVersionId: 0,
    leanPinnedToMaster: true,
    owner: true,
    description: EMULATED_NOTE,
    channelId: '',
    parameters: [],
    libraries: [],
    encrypted: false,
    codeRunning: false,
    leanEnvironment: 0,
    emulated: true,
  };
}
