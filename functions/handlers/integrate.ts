import { integrateStage } from '../pipeline/stages/integrate.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the integrate stage. */
export const handler = createLambdaHandler('integrate', integrateStage);
