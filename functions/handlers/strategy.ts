import { strategyStage } from '../pipeline/stages/components.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the strategy stage. */
export const handler = createLambdaHandler('strategy', strategyStage);
