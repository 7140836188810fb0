import { QuantCoderError } from '../../shared/errors.js';
import type { ButtonElement, ConfirmDialog, SlackBlock, SlackMessage, TextObject } from './block-kit.js';

/** Slack's documented Block Kit limits for the blocks QuantCoder posts; a message past any of them is refused. */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** One broken limit: where it is (`blocks[3].fields[1]`), which limit, and the size found. */
export interface LimitViolation {
  path: string;
  limit: keyof typeof BLOCK_KIT_LIMITS;
  maximum: number;
  actual: number;
}

/** A message was about to break a Block Kit limit: a builder bug, since builders truncate. */
export class BlockKitLimitError extends QuantCoderError {
  override readonly name = 'BlockKitLimitError';
  readonly violations: LimitViolation[];
  constructor(violations: LimitViolation[]) {
    super(
      `The Slack message breaks Block Kit limits: ${violations
        .map((violation) => `${violation.path} is ${violation.actual} (at most ${violation.maximum})`)
        .join('; ')}.`,
    );
    this.violations = violations;
  }
}

type Collect = (path: string, limit: keyof typeof BLOCK_KIT_LIMITS, actual: number) => void;

function checkText(collect: Collect, path: string, text: TextObject, limit: keyof typeof BLOCK_KIT_LIMITS) {
  collect(`${path}.text`, limit, text.text.length);
}

function checkConfirm(collect: Collect, path: string, confirm: ConfirmDialog) {
  collect(`${path}.title`, 'confirmTitle', confirm.title.text.length);
  collect(`${path}.text`, 'confirmText', confirm.text.text.length);
  collect(`${path}.confirm`, 'confirmButton', confirm.confirm.text.length);
  collect(`${path}.deny`, 'confirmButton', confirm.deny.text.length);
}

function checkButton(collect: Collect, path: string, button: ButtonElement) {
  collect(`${path}.text`, 'buttonText', button.text.text.length);
  collect(`${path}.action_id`, 'actionId', button.action_id.length);
  if (button.value !== undefined) collect(`${path}.value`, 'buttonValue', button.value.length);
  if (button.confirm) checkConfirm(collect, `${path}.confirm`, button.confirm);
}

function checkBlock(collect: Collect, path: string, block: SlackBlock) {
  switch (block.type) {
    case 'header':
      checkText(collect, path, block.text, 'headerText');
      return;
    case 'section':
      if (block.text) checkText(collect, path, block.text, 'sectionText');
      if (block.fields) {
        collect(`${path}.fields`, 'sectionFields', block.fields.length);
        block.fields.forEach((field, index) => {
          checkText(collect, `${path}.fields[${index}]`, field, 'sectionFieldText');
        });
      }
      return;
    case 'context':
      collect(`${path}.elements`, 'contextElements', block.elements.length);
      block.elements.forEach((element, index) => {
        checkText(collect, `${path}.elements[${index}]`, element, 'contextText');
      });
      return;
    case 'actions':
      collect(`${path}.elements`, 'actionElements', block.elements.length);
      if (block.block_id !== undefined) collect(`${path}.block_id`, 'blockId', block.block_id.length);
      block.elements.forEach((element, index) => {
        checkButton(collect, `${path}.elements[${index}]`, element);
      });
      return;
    case 'divider':
      return;
  }
}

/** Every Block Kit limit the message breaks; an empty list when it is within all of them. */
export function findLimitViolations(message: SlackMessage): LimitViolation[] {
  const violations: LimitViolation[] = [];
  const collect: Collect = (path, limit, actual) => {
    const maximum = BLOCK_KIT_LIMITS[limit];
    if (actual > maximum) violations.push({ path, limit, maximum, actual });
  };
  collect('text', 'messageText', message.text.length);
  collect('blocks', 'blocksPerMessage', message.blocks.length);
  message.blocks.forEach((block, index) => {
    checkBlock(collect, `blocks[${index}]`, block);
  });
  return violations;
}

/** Returns the message when it is within Slack's limits; throws BlockKitLimitError naming each broken one. */
export function assertWithinLimits(message: SlackMessage): SlackMessage {
  const violations = findLimitViolations(message);
  if (violations.length > 0) throw new BlockKitLimitError(violations);
  return message;
}
