import { describe, expect, it } from 'vitest';
import type { ButtonElement, SlackBlock, SlackMessage } from '../../../functions/slack/blocks/block-kit.js';
import { markdown, plainText } from '../../../functions/slack/blocks/block-kit.js';
import {
  assertWithinLimits,
  BLOCK_KIT_LIMITS,
  BlockKitLimitError,
  findLimitViolations,
} from '../../../functions/slack/blocks/block-limits.js';

type Limit = keyof typeof BLOCK_KIT_LIMITS;
const LIMIT_NAMES = Object.keys(BLOCK_KIT_LIMITS).filter((name): name is Limit => name in BLOCK_KIT_LIMITS);

const text = (length: number) => 'x'.repeat(length);
const section = (length: number): SlackBlock => ({ type: 'section', text: markdown(text(length)) });
const message = (blocks: SlackBlock[], fallback = 'fallback'): SlackMessage => ({ text: fallback, blocks });
const button = (overrides: Partial<ButtonElement> = {}): ButtonElement => ({
  type: 'button',
  text: plainText('Go'),
  action_id: 'go',
  ...overrides,
});
const confirm = (sizes: { title?: number; text?: number; confirm?: number; deny?: number }) => ({
  title: plainText(text(sizes.title ?? 5)),
  text: markdown(text(sizes.text ?? 5)),
  confirm: plainText(text(sizes.confirm ?? 5)),
  deny: plainText(text(sizes.deny ?? 5)),
});
const actions = (elements: ButtonElement[], blockId?: string): SlackBlock => ({
  type: 'actions',
  ...(blockId !== undefined ? { block_id: blockId } : {}),
  elements,
});

/** For each limit: a message exactly at it (accepted) and one just past it (refused). */
const CASES: Record<Limit, (size: number) => SlackMessage> = {
  blocksPerMessage: (size) => message(Array.from({ length: size }, () => section(1))),
  messageText: (size) => message([section(1)], text(size)),
  sectionText: (size) => message([section(size)]),
  sectionFields: (size) =>
    message([{ type: 'section', fields: Array.from({ length: size }, () => markdown('a')) }]),
  sectionFieldText: (size) => message([{ type: 'section', fields: [markdown(text(size))] }]),
  headerText: (size) => message([{ type: 'header', text: plainText(text(size)) }]),
  contextElements: (size) =>
    message([{ type: 'context', elements: Array.from({ length: size }, () => markdown('a')) }]),
  contextText: (size) => message([{ type: 'context', elements: [markdown(text(size))] }]),
  actionElements: (size) => message([actions(Array.from({ length: size }, () => button()))]),
  buttonText: (size) => message([actions([button({ text: plainText(text(size)) })])]),
  buttonValue: (size) => message([actions([button({ value: text(size) })])]),
  actionId: (size) => message([actions([button({ action_id: text(size) })])]),
  blockId: (size) => message([actions([button()], text(size))]),
  confirmTitle: (size) => message([actions([button({ confirm: confirm({ title: size }) })])]),
  confirmText: (size) => message([actions([button({ confirm: confirm({ text: size }) })])]),
  confirmButton: (size) => message([actions([button({ confirm: confirm({ deny: size }) })])]),
};

describe('the Block Kit limits checker', () => {
  it('has a case for every limit it enforces', () => {
    // Assess
    expect(Object.keys(CASES).sort()).toEqual([...LIMIT_NAMES].sort());
  });

  it.each(LIMIT_NAMES)('accepts %s at the limit and refuses it past', (limit) => {
    // Prepare
    const maximum = BLOCK_KIT_LIMITS[limit];
    const atLimit = CASES[limit](maximum);
    const pastLimit = CASES[limit](maximum + 1);

    // Act
    const accepted = findLimitViolations(atLimit);
    const refused = findLimitViolations(pastLimit);

    // Assess
    expect(accepted).toEqual([]);
    expect(refused).toEqual([expect.objectContaining({ limit, maximum, actual: maximum + 1 })]);
    expect(() => assertWithinLimits(pastLimit)).toThrow(BlockKitLimitError);
  });

  it('names where each violation is, so a builder bug is easy to find', () => {
    // Prepare
    const broken = message([section(1), { type: 'section', fields: [markdown('a'), markdown(text(2001))] }]);

    // Act
    let caught: unknown;
    try {
      assertWithinLimits(broken);
    } catch (error) {
      caught = error;
    }

    // Assess
    if (!(caught instanceof BlockKitLimitError)) throw new Error('expected a BlockKitLimitError');
    expect(caught.violations).toEqual([
      { path: 'blocks[1].fields[1].text', limit: 'sectionFieldText', maximum: 2000, actual: 2001 },
    ]);
    expect(caught.message).toContain('blocks[1].fields[1].text is 2001 (at most 2000)');
  });
});
