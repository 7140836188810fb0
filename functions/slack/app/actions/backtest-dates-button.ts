import { ACTION_IDS } from '../../interactions.js';
import type { ListenerDeps } from '../listener-types.js';
import { backtestDatesModal } from '../views/backtest-dates-modal.js';
import { openModalOnClick } from './open-modal.js';

/** "Backtest other dates": opens the dates modal for the button's run. */
export function backtestDatesButton(deps: ListenerDeps) {
  return openModalOnClick(deps, ACTION_IDS.backtestDates, backtestDatesModal);
}
