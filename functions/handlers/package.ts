import { packageStage } from '../pipeline/stages/finish.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the package stage. */
export const handler = createLambdaHandler('package', packageStage);
