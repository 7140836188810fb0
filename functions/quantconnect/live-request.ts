import { UserInputError } from '../shared/errors.js';
import type { LiveDeployRequest } from './port.js';

/** QuantConnect's id for its paper-trading brokerage, the one `live/create` takes for paper. */
export const PAPER_BROKERAGE_ID = 'QuantConnectBrokerage';

/** The brokerage of a live deployment: 'paper' or a real brokerage with its settings. */
export type LiveBrokerage = LiveDeployRequest['brokerage'];

/** True when the brokerage trades no real money: 'paper', or QuantConnect's paper brokerage named by its id. */
export function isPaperBrokerage(brokerage: LiveBrokerage): boolean {
  return brokerage === 'paper' || brokerage.id === PAPER_BROKERAGE_ID;
}

/** The `brokerage` object `live/create` takes: the brokerage's settings with its id. */
export function liveCreateBrokerage(brokerage: LiveBrokerage): { id: string } & Record<string, string> {
  if (brokerage === 'paper') return { id: PAPER_BROKERAGE_ID };
  // The id goes last so a setting named "id" cannot turn one brokerage into another.
  return { ...brokerage.settings, id: brokerage.id };
}

/** How a deployment names its brokerage: 'paper', or the real brokerage's id. */
export function brokerageLabel(brokerage: LiveBrokerage): string {
  return isPaperBrokerage(brokerage) ? 'paper' : liveCreateBrokerage(brokerage).id;
}

/** The page QuantConnect shows for a project's live deployment. */
export function liveUrl(projectUrl: string): string {
  return `${projectUrl.replace(/\/+$/, '')}/live`;
}

/** No live node can take the deployment; the message says which node to free or add. */
export class NoLiveNodeError extends UserInputError {
  override readonly name: string = 'NoLiveNodeError';
}

/** A live node as `projects/nodes/read` lists it. */
export interface LiveNode {
  id: string;
  name?: string | undefined;
  busy: boolean;
}

const ADD_NODE =
  'add a live trading node to your organization on quantconnect.com (Organization > Resources > Live Trading Nodes)';

/** The node to deploy on: the one asked for when it is a free live node, else the first free live node. */
export function chooseLiveNode(nodes: readonly LiveNode[], nodeId?: string): string {
  if (nodeId !== undefined) {
    const node = nodes.find((candidate) => candidate.id === nodeId || candidate.name === nodeId);
    if (!node) {
      const known = nodes.map((candidate) => candidate.id).join(', ') || 'none';
      throw new NoLiveNodeError(
        `Live node ${nodeId} is not one of this project's live nodes (${known}): pass one of those as nodeId, leave nodeId out to use the first free one, or ${ADD_NODE}.`,
      );
    }
    if (node.busy) {
      throw new NoLiveNodeError(
        `Live node ${node.id} is busy with another live algorithm: stop that algorithm on quantconnect.com, leave nodeId out to use another free node, or ${ADD_NODE}.`,
      );
    }
    return node.id;
  }
  const free = nodes.find((node) => !node.busy);
  if (free) return free.id;
  if (nodes.length === 0) {
    throw new NoLiveNodeError(
      `This QuantConnect organization has no live node: ${ADD_NODE}, then deploy again.`,
    );
  }
  throw new NoLiveNodeError(
    `Every live node of this QuantConnect organization is busy (${nodes.length}): stop a live algorithm on quantconnect.com or ${ADD_NODE}, then deploy again.`,
  );
}
