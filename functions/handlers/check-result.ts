import { checkResultStage } from '../pipeline/stages/backtest.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the check-result stage. */
export const handler = createLambdaHandler('check-result', checkResultStage);
