import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../interactions.js';
import type { ListenerDeps } from '../listener-types.js';
import { backtestDatesButton } from './backtest-dates-button.js';
import { deployPaperButton } from './deploy-paper-button.js';
import { freshZipLinkButton } from './fresh-zip-link-button.js';
import { refineButton } from './refine-button.js';

/** Registers the summary buttons' listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.action(ACTION_IDS.backtestDates, backtestDatesButton(deps));
  app.action(ACTION_IDS.refine, refineButton(deps));
  app.action(ACTION_IDS.deployPaper, deployPaperButton(deps));
  app.action(ACTION_IDS.freshZipLink, freshZipLinkButton(deps));
}
