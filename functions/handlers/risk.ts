import { riskStage } from '../pipeline/stages/components.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the risk stage. */
export const handler = createLambdaHandler('risk', riskStage);
