import { pollBacktestStage } from '../pipeline/stages/backtest.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the poll-backtest stage. */
export const handler = createLambdaHandler('poll-backtest', pollBacktestStage);
