import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { ConfigurationError, TransientError } from '../../shared/errors.js';

/** Who the bot is in its workspace: replies count only in threads this user started. */
export interface BotIdentity {
  botUserId: string;
  botId: string;
}

const AuthTestAnswer = z.object({ user_id: z.string().min(1), bot_id: z.string().min(1) });

function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('data' in error)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  return typeof data.error === 'string' ? data.error : undefined;
}

/**
 * Asks Slack who the bot token belongs to (auth.test), once per cold start. A refused token is a
 * configuration error; anything else may pass on the next request.
 */
export async function readBotIdentity(client: WebClient): Promise<BotIdentity> {
  let answer: unknown;
  try {
    answer = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined) {
      throw new ConfigurationError(
        `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page, and reinstall the app if its scopes changed.`,
        { cause: error },
      );
    }
    throw new TransientError('Slack could not be reached to check the bot token (auth.test).', {
      cause: error,
    });
  }
  const parsed = AuthTestAnswer.safeParse(answer);
  if (!parsed.success) {
    throw new ConfigurationError(
      'SLACK_BOT_TOKEN is not a bot token (auth.test names no bot): use the Bot User OAuth Token, xoxb-...',
      { cause: parsed.error },
    );
  }
  return { botUserId: parsed.data.user_id, botId: parsed.data.bot_id };
}
