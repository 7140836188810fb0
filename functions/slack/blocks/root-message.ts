import { contextBlock, sectionBlock, slackMessage } from './block-builders.js';
import type { SlackMessage } from './block-kit.js';
import { escapeMarkdown, truncate } from './slack-text.js';

/** How much of the idea the root message quotes: the thread is about it, the plan has the rest. */
const IDEA_CHARACTERS = 600;

export interface RootMessageInput {
  userId: string;
  idea: string;
  runId: string;
}

/** The thread's root message: who asked, the idea (short), and that progress follows in the thread. */
export function rootMessage(input: RootMessageInput): SlackMessage {
  const idea = truncate(input.idea.trim(), IDEA_CHARACTERS, '…');
  const quoted = escapeMarkdown(idea)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  return slackMessage(`<@${input.userId}> asked QuantCoder: ${idea}`, [
    sectionBlock(`:robot_face: <@${input.userId}> asked QuantCoder for a strategy:\n${quoted}`),
    contextBlock([`Run \`${input.runId}\` · progress and results follow in this thread`]),
  ]);
}
