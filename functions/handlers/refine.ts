import { refineStage } from '../pipeline/stages/refine.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the refine stage. */
export const handler = createLambdaHandler('refine', refineStage);
