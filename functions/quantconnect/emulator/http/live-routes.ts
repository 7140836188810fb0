import type { LiveView } from '../live-store.js';
import type { Route, RouteContext } from './emulator-routes.js';
import { parseInput } from './request-input.js';
import { LiveCreateRequest, LiveReadRequest, ProjectRequest } from './request-schemas.js';
import { quantConnectDate } from './wire-format.js';

/** `live/create` (paper trading only), `live/read` and `live/update/stop`. */
export function liveRoutes(context: RouteContext): Record<string, Route> {
  const { engine } = context;
  const wire = (view: LiveView): Record<string, unknown> => {
    const { deployment } = view;
    return {
      projectId: deployment.projectId,
      deployId: deployment.deployId,
      status: view.status,
      launched: quantConnectDate(deployment.launched),
      stopped: deployment.stopped ? quantConnectDate(deployment.stopped) : null,
      brokerage: 'PaperBrokerage',
      subscription: 'Strategy Equity',
      error: view.error,
      message: view.error,
      projectName: engine.projects.get(deployment.projectId).name,
      dataCenter: 'Emulated',
      public: false,
      securityTypes: 'Equity',
      nodeId: deployment.nodeId,
      runtimeStatistics: {},
      charts: {},
      emulated: true,
    };
  };

  return {
    'live/create': (input) => {
      const request = parseInput(LiveCreateRequest, input);
      const deployment = engine.deploy({
        projectId: request.projectId,
        compileId: request.compileId,
        nodeId: request.nodeId,
        brokerage: request.brokerage.id,
      });
      const live = wire(engine.live.peek(request.projectId, deployment.deployId));
      return { projectId: request.projectId, deployId: deployment.deployId, status: live.status, live };
    },

    'live/read': (input) => {
      const request = parseInput(LiveReadRequest, input);
      return wire(engine.live.read(request.projectId, request.deployId));
    },

    'live/update/stop': (input) => {
      engine.live.stop(parseInput(ProjectRequest, input).projectId);
      return {};
    },
  };
}
