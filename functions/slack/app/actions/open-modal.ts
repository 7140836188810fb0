import type { types } from '@slack/bolt';
import { describeError } from '../../../shared/errors.js';
import type { RunButtonValue } from '../../interactions.js';
import { type ActionListenerArgs, ephemeralFollowUp, type ListenerDeps } from '../listener-types.js';
import { modalFailedText, UNREADABLE_BUTTON_TEXT } from '../replies.js';
import { readButtonClick } from './button-click.js';

/**
 * A listener for a button that opens a modal about its run. Slack accepts views.open only within 3 s of
 * the click, so the modal opens right after the ack; a refusal is told to the user instead of dropped.
 */
export function openModalOnClick(
  deps: ListenerDeps,
  actionId: string,
  modal: (run: RunButtonValue, now: Date) => types.ModalView,
) {
  return async ({ body, ack, client, respond }: ActionListenerArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, actionId);
    if (click.run === undefined) {
      await respond(ephemeralFollowUp(UNREADABLE_BUTTON_TEXT));
      return;
    }
    try {
      await client.views.open({ trigger_id: click.triggerId, view: modal(click.run, deps.now()) });
    } catch (error) {
      const { message } = describeError(error);
      deps.logger.warn('views.open failed', { actionId, error: describeError(error) });
      await respond(ephemeralFollowUp(modalFailedText(message)));
    }
  };
}
