import { reportStage } from '../pipeline/stages/finish.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the report stage. */
export const handler = createLambdaHandler('report', reportStage);
