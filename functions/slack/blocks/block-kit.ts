/**
 * The Block Kit shapes QuantCoder posts: a small, typed subset of Slack's blocks, so the builders and the
 * limits checker agree on what a message can hold. Each shape is assignable to WebClient's `Block`.
 */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MarkdownText {
  type: 'mrkdwn';
  text: string;
}

export type TextObject = PlainText | MarkdownText;

export interface ConfirmDialog {
  title: PlainText;
  text: TextObject;
  confirm: PlainText;
  deny: PlainText;
  style?: 'primary' | 'danger';
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmDialog;
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  text?: TextObject;
  fields?: TextObject[];
}

export interface ContextBlock {
  type: 'context';
  elements: TextObject[];
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: ButtonElement[];
}

export interface DividerBlock {
  type: 'divider';
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock;

/** A message as chat.postMessage and chat.update take it: the notification `text` and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A mrkdwn text object. */
export function markdown(text: string): MarkdownText {
  return { type: 'mrkdwn', text };
}

/** A plain_text object with emoji shortcodes rendered. */
export function plainText(text: string): PlainText {
  return { type: 'plain_text', text, emoji: true };
}
