import { describe, expect, it } from 'vitest';
import { replyInstruction, unescapeSlackText } from '../../../functions/slack/app/slack-text.js';
import { escapeMarkdown } from '../../../functions/slack/blocks/slack-text.js';

describe('Slack text', () => {
  it('unescapes what Slack escapes, and escapes it back', () => {
    // Act
    const typed = unescapeSlackText('RSI &lt; 30 &amp;&amp; price &gt; SMA &amp;lt;');

    // Assess
    expect(typed).toBe('RSI < 30 && price > SMA &lt;');
    expect(escapeMarkdown(typed)).toBe('RSI &lt; 30 &amp;&amp; price &gt; SMA &amp;lt;');
  });

  it('drops a leading mention of the bot from a reply, and only the bot', () => {
    // Act
    const mentioned = replyInstruction('  <@U0BOT>   make it long-only ', 'U0BOT');
    const other = replyInstruction('<@U0BOB> what do you think?', 'U0BOT');

    // Assess
    expect(mentioned).toBe('make it long-only');
    expect(other).toBe('<@U0BOB> what do you think?');
  });
});
