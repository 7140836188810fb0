import type { RunButtonValue } from '../../interactions.js';
import { BlockActionPayload, readRunButtonValue, teamOf } from '../payloads.js';

/** A summary button click: who clicked, the trigger a modal needs, and the run the button belongs to. */
export interface ButtonClick {
  triggerId: string;
  userId: string;
  teamId: string | undefined;
  /** Undefined when the button's value is not a RunButtonValue. */
  run: RunButtonValue | undefined;
}

/** Reads a block_actions payload for the button `actionId`. */
export function readButtonClick(body: unknown, actionId: string): ButtonClick {
  const payload = BlockActionPayload.parse(body);
  const action = payload.actions.find((candidate) => candidate.action_id === actionId) ?? payload.actions[0];
  return {
    triggerId: payload.trigger_id,
    userId: payload.user.id,
    teamId: teamOf(payload),
    run: readRunButtonValue(action?.value),
  };
}
