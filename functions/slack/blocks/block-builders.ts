import {
  type ActionsBlock,
  type ButtonElement,
  type ContextBlock,
  type HeaderBlock,
  markdown,
  plainText,
  type SectionBlock,
  type SlackBlock,
  type SlackMessage,
} from './block-kit.js';
import { assertWithinLimits, BLOCK_KIT_LIMITS } from './block-limits.js';
import { TRUNCATION_MARKER, truncate } from './slack-text.js';

/** A header block; long titles are cut to Slack's 150 characters. */
export function headerBlock(text: string): HeaderBlock {
  return { type: 'header', text: plainText(truncate(text, BLOCK_KIT_LIMITS.headerText, '…')) };
}

/** A mrkdwn section; text past 3000 characters is cut with a visible marker. */
export function sectionBlock(text: string): SectionBlock {
  return { type: 'section', text: markdown(truncate(text, BLOCK_KIT_LIMITS.sectionText)) };
}

/** A section of mrkdwn fields (two columns in Slack): at most 10, each at most 2000 characters. */
export function fieldsBlock(fields: readonly string[]): SectionBlock {
  return {
    type: 'section',
    fields: fields
      .slice(0, BLOCK_KIT_LIMITS.sectionFields)
      .map((field) => markdown(truncate(field, BLOCK_KIT_LIMITS.sectionFieldText))),
  };
}

/** A context block (small grey text): at most 10 elements, each cut to 3000 characters. */
export function contextBlock(elements: readonly string[]): ContextBlock {
  return {
    type: 'context',
    elements: elements
      .slice(0, BLOCK_KIT_LIMITS.contextElements)
      .map((element) => markdown(truncate(element, BLOCK_KIT_LIMITS.contextText))),
  };
}

/** A button; its label is cut to 75 characters. A value or URL past its limit is a caller bug and is checked. */
export function buttonElement(
  button: Omit<ButtonElement, 'type' | 'text'> & { text: string },
): ButtonElement {
  return {
    ...button,
    type: 'button',
    text: plainText(truncate(button.text, BLOCK_KIT_LIMITS.buttonText, '…')),
  };
}

/** An actions block of buttons. */
export function actionsBlock(elements: readonly ButtonElement[], blockId?: string): ActionsBlock {
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: elements.slice(0, BLOCK_KIT_LIMITS.actionElements),
  };
}

/**
 * A whole message, checked against Slack's limits: the fallback text is cut to 40,000 characters and blocks
 * past the 50th are replaced by a note that the message was cut, so a long message still posts.
 */
export function slackMessage(text: string, blocks: readonly SlackBlock[]): SlackMessage {
  const maximum = BLOCK_KIT_LIMITS.blocksPerMessage;
  const kept =
    blocks.length <= maximum
      ? [...blocks]
      : [
          ...blocks.slice(0, maximum - 1),
          contextBlock([`${TRUNCATION_MARKER}: ${blocks.length - maximum + 1} more blocks`]),
        ];
  return assertWithinLimits({ text: truncate(text, BLOCK_KIT_LIMITS.messageText), blocks: kept });
}
