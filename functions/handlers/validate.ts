import { validateStage } from '../pipeline/stages/validate.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the validate stage. */
export const handler = createLambdaHandler('validate', validateStage);
