import { ACTION_IDS } from '../../interactions.js';
import type { ListenerDeps } from '../listener-types.js';
import { refineModal } from '../views/refine-modal.js';
import { openModalOnClick } from './open-modal.js';

/** "Refine": opens the refine modal for the button's run. */
export function refineButton(deps: ListenerDeps) {
  return openModalOnClick(deps, ACTION_IDS.refine, refineModal);
}
