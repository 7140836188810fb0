/**
 * What a user typed, from Slack's escaped form: Slack sends `&`, `<` and `>` as entities in command text
 * and messages ("RSI &lt; 30"), and the idea should read as the user wrote it.
 */
export function unescapeSlackText(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** A reply's text without a leading mention of the bot ("<@U0BOT> make it long-only"), unescaped and trimmed. */
export function replyInstruction(text: string, botUserId: string): string {
  const withoutMention = text.trimStart().startsWith(`<@${botUserId}>`)
    ? text.trimStart().slice(`<@${botUserId}>`.length)
    : text;
  return unescapeSlackText(withoutMention).trim();
}
