import type { ArtifactStore } from '../../../shared/artifact-store.js';
import { describeError, QuantCoderError } from '../../../shared/errors.js';
import { fileLinkText } from '../../blocks/run-facts.js';
import { escapeMarkdown } from '../../blocks/slack-text.js';
import { ACTION_IDS } from '../../interactions.js';
import { linkExpiry } from '../../notifier/link-expiry.js';
import { type ActionListenerArgs, ephemeralFollowUp, type ListenerDeps } from '../listener-types.js';
import { UNREADABLE_BUTTON_TEXT } from '../replies.js';
import { readButtonClick } from './button-click.js';
import { findRunZip } from './run-zip.js';

/** A fresh link lives an hour: long enough to click, short enough that a forwarded one soon stops working. */
export const FRESH_LINK_SECONDS = 3600;

/** Said when the Slack function has no artifact bucket to sign links for. */
export const DOWNLOADS_NOT_CONFIGURED_TEXT =
  'Fresh download links are not set up here: the Slack app has no artifact bucket (ARTIFACT_BUCKET). Use the link in the summary while it lasts.';

function unknownRunText(runId: string): string {
  return `Run \`${escapeMarkdown(runId)}\` has no record of a finished run: it may still be running, or its files have expired.`;
}

function noZipText(runId: string, location: string): string {
  return `Run \`${escapeMarkdown(runId)}\` produced no zip. Its files are in \`${location.replaceAll('`', "'")}\`.`;
}

function failedText(error: unknown): string {
  const reason = error instanceof QuantCoderError ? ` (${escapeMarkdown(error.message)})` : '';
  return `QuantCoder could not make a download link${reason}. Click the button again in a minute.`;
}

async function freshLinkText(store: ArtifactStore, runId: string): Promise<string> {
  const found = await findRunZip(store, runId);
  if (found.status === 'unknown-run') return unknownRunText(runId);
  if (found.status === 'no-zip') return noZipText(runId, found.location);
  const link = await store.link(found.zip, { expiresInSeconds: FRESH_LINK_SECONDS });
  const file = { link, fileName: found.fileName, ...(linkExpiry(link) ?? {}) };
  return `Here is a fresh link, only for you: ${fileLinkText(file)}.`;
}

/**
 * "Fresh download link": the summary's link to the zip was signed by the Package stage's temporary
 * credentials and may have died with them, so this signs a new one with the Slack function's own and
 * answers it to the clicker alone. A list, a read and a presign: well inside Slack's 3 s.
 */
export function freshZipLinkButton(deps: ListenerDeps) {
  return async ({ body, ack, respond }: ActionListenerArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, ACTION_IDS.freshZipLink);
    if (click.run === undefined) {
      await respond(ephemeralFollowUp(UNREADABLE_BUTTON_TEXT));
      return;
    }
    if (deps.store === undefined) {
      await respond(ephemeralFollowUp(DOWNLOADS_NOT_CONFIGURED_TEXT));
      return;
    }
    let text: string;
    try {
      text = await freshLinkText(await deps.store(), click.run.runId);
    } catch (error) {
      deps.logger.error('no fresh download link', { runId: click.run.runId, error: describeError(error) });
      text = failedText(error);
    }
    await respond(ephemeralFollowUp(text));
  };
}
