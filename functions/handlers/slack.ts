import { createSlackHandler } from '../slack/app/slack-handler.js';

/**
 * Lambda entry of the Slack app, behind a Function URL: slash commands, thread replies, button clicks and
 * modal submissions, each answered within Slack's 3 s after starting at most one execution.
 */
export const handler = createSlackHandler({ environment: process.env });
