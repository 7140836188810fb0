import type { Context } from 'aws-lambda';
import { describeError } from '../../shared/errors.js';
import { createLogger, type Logger } from '../../shared/logger.js';
import type { SlackHttpResponse, SlackRequestHandler } from './http-guards.js';
import { buildSlackLambda } from './slack-lambda.js';

export interface SlackHandlerOptions {
  environment: NodeJS.ProcessEnv;
  /** @default buildSlackLambda */
  build?: (environment: NodeJS.ProcessEnv, logger: Logger) => Promise<SlackRequestHandler>;
}

/**
 * The Slack function's two-argument Lambda handler. The app is built on the first request (the cold
 * start) and reused while the environment lives; a failed build is logged, answered with 500 (Slack
 * then tells the user the app did not respond) and tried again on the next request.
 */
export function createSlackHandler(options: SlackHandlerOptions) {
  const build =
    options.build ??
    ((environment: NodeJS.ProcessEnv, logger: Logger) => buildSlackLambda({ environment, logger }));
  let logger: Logger | undefined;
  let built: Promise<SlackRequestHandler> | undefined;
  return async (event: unknown, context: Context): Promise<SlackHttpResponse> => {
    logger ??= createLogger({ level: options.environment.LOG_LEVEL ?? 'info', destination: process.stdout });
    const log = logger;
    built ??= build(options.environment, log).catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    let slack: SlackRequestHandler;
    try {
      slack = await built;
    } catch (error) {
      log.error('The Slack app could not start', { error: describeError(error) });
      return { statusCode: 500, body: '' };
    }
    return slack(event, context);
  };
}
