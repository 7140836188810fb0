import { alphaStage } from '../pipeline/stages/components.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the alpha stage. */
export const handler = createLambdaHandler('alpha', alphaStage);
