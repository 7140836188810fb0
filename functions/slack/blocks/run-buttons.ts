import { ACTION_IDS, RunButtonValue } from '../interactions.js';
import { actionsBlock, buttonElement } from './block-builders.js';
import type { ActionsBlock, ButtonElement } from './block-kit.js';
import { markdown, plainText } from './block-kit.js';
import { escapeMarkdown, truncate } from './slack-text.js';

export interface RunButtonsInput {
  /** The run the buttons act on and its thread. */
  target: RunButtonValue;
  /** Whether the requesting user may deploy: the deploy button is shown only then. */
  canDeploy: boolean;
  /** Whether the run's zip sits behind a link that expires: a button then signs a fresh one on demand. */
  freshZipLink?: boolean;
  projectName: string;
}

/** The block id of the summary's buttons, so the Slack app can find them in an interaction. */
export const RUN_BUTTONS_BLOCK_ID = 'quantcoder_run_actions';

function deployButton(value: string, projectName: string): ButtonElement {
  const name = escapeMarkdown(truncate(projectName, 80, '…'));
  return buttonElement({
    text: ':rocket: Deploy to paper',
    action_id: ACTION_IDS.deployPaper,
    value,
    confirm: {
      title: plainText('Deploy to paper trading?'),
      text: markdown(
        `QuantCoder deploys *${name}* to QuantConnect *paper trading*: live market data, simulated orders, no real money. You can stop it on QuantConnect at any time.`,
      ),
      confirm: plainText('Deploy to paper'),
      deny: plainText('Cancel'),
    },
  });
}

/**
 * The summary's buttons: backtest other dates, refine, a fresh download link (when the zip's link expires),
 * and (for allowed users) deploy to paper behind a confirmation.
 */
export function runButtons(input: RunButtonsInput): ActionsBlock {
  const value = JSON.stringify(RunButtonValue.parse(input.target));
  const buttons = [
    buttonElement({ text: ':calendar: Backtest other dates', action_id: ACTION_IDS.backtestDates, value }),
    buttonElement({ text: ':pencil2: Refine', action_id: ACTION_IDS.refine, value }),
  ];
  if (input.freshZipLink) {
    buttons.push(
      buttonElement({ text: ':link: Fresh download link', action_id: ACTION_IDS.freshZipLink, value }),
    );
  }
  if (input.canDeploy) buttons.push(deployButton(value, input.projectName));
  return actionsBlock(buttons, RUN_BUTTONS_BLOCK_ID);
}
