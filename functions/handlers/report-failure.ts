import { reportFailureStage } from '../pipeline/stages/finish.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the report-failure stage. */
export const handler = createLambdaHandler('report-failure', reportFailureStage);
