import { startBacktestStage } from '../pipeline/stages/backtest.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the start-backtest stage. */
export const handler = createLambdaHandler('start-backtest', startBacktestStage);
