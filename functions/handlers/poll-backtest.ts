import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the poll-backtest stage. */
export const handler = createLambdaHandler('poll-backtest');
