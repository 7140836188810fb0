import { ACTION_IDS } from '../../interactions.js';

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every action id except the ones QuantCoder's buttons carry (those have their own listeners). */
export const OTHER_ACTION_IDS = new RegExp(
  `^(?!(?:${Object.values(ACTION_IDS).map(escapeForRegExp).join('|')})$)`,
);

/**
 * Acknowledges clicks QuantCoder has nothing to do for, such as the summary's link buttons (QuantConnect,
 * the zip): Slack sends those too and marks the button with a warning when the app does not answer.
 */
export function otherAction() {
  return async ({ ack }: { ack: () => Promise<void> }): Promise<void> => {
    await ack();
  };
}
