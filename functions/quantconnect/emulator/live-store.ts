import { EmulatedRequestError } from './emulated-request-error.js';
import { newHex32 } from './emulator-ids.js';
import { type CompletionPolicy, jobPhase } from './job-phase.js';

/** QuantConnect's live deployment states. */
export type LiveStatus =
  | 'DeployError'
  | 'InQueue'
  | 'Running'
  | 'Stopped'
  | 'Liquidated'
  | 'Deleted'
  | 'Completed'
  | 'RuntimeError'
  | 'Invalid'
  | 'LoggingIn'
  | 'Initializing'
  | 'History';

/** A paper-trading deployment of a compiled project. */
export interface EmulatedDeployment {
  deployId: string;
  projectId: number;
  compileId: string;
  nodeId: string;
  brokerage: string;
  launched: Date;
  stopped: Date | null;
  reads: number;
  /** The failure the algorithm will hit, decided at deployment. */
  crash: { error: string; stacktrace: string } | undefined;
}

export interface LiveView {
  deployment: EmulatedDeployment;
  status: LiveStatus;
  error: string;
}

export interface LiveStore {
  create(input: Omit<EmulatedDeployment, 'deployId' | 'launched' | 'stopped' | 'reads'>): EmulatedDeployment;
  /** Counts a read of the deployment (the project's latest when no id is given) and reports its status. */
  read(projectId: number, deployId?: string): LiveView;
  /** The deployment's status as of its latest read, without counting one. */
  peek(projectId: number, deployId?: string): LiveView;
  /** Stops the project's running deployment. */
  stop(projectId: number): LiveView;
}

/** Creates the emulator's live deployments: InQueue, then Initializing, then Running or RuntimeError. */
export function createLiveStore(options: { policy: CompletionPolicy; now: () => Date }): LiveStore {
  const deployments = new Map<string, EmulatedDeployment>();

  const latest = (projectId: number): EmulatedDeployment | undefined =>
    [...deployments.values()].filter((deployment) => deployment.projectId === projectId).pop();
  const find = (projectId: number, deployId?: string): EmulatedDeployment => {
    const deployment = deployId === undefined ? latest(projectId) : deployments.get(deployId);
    if (!deployment || deployment.projectId !== projectId) {
      throw new EmulatedRequestError(
        deployId === undefined
          ? `No live algorithm was found in project ${projectId}.`
          : `Live algorithm ${deployId} was not found in project ${projectId}.`,
      );
    }
    return deployment;
  };
  const view = (deployment: EmulatedDeployment): LiveView => {
    if (deployment.stopped) return { deployment, status: 'Stopped', error: '' };
    const elapsedSeconds = (options.now().getTime() - deployment.launched.getTime()) / 1000;
    const phase = jobPhase(options.policy, deployment.reads, elapsedSeconds);
    if (phase.phase === 'queued') return { deployment, status: 'InQueue', error: '' };
    if (phase.phase === 'running') return { deployment, status: 'Initializing', error: '' };
    if (deployment.crash) return { deployment, status: 'RuntimeError', error: deployment.crash.error };
    return { deployment, status: 'Running', error: '' };
  };

  return {
    create(input) {
      const running = latest(input.projectId);
      if (running && !running.stopped && view(running).status !== 'RuntimeError') {
        throw new EmulatedRequestError(
          `Project ${input.projectId} already has a live algorithm (${running.deployId}); stop it first.`,
        );
      }
      const deployment = {
        ...input,
        deployId: `L-${newHex32()}`,
        launched: options.now(),
        stopped: null,
        reads: 0,
      };
      deployments.set(deployment.deployId, deployment);
      return deployment;
    },

    read(projectId, deployId) {
      const deployment = find(projectId, deployId);
      deployment.reads += 1;
      return view(deployment);
    },

    peek: (projectId, deployId) => view(find(projectId, deployId)),

    stop(projectId) {
      const deployment = find(projectId);
      deployment.stopped ??= options.now();
      return view(deployment);
    },
  };
}
