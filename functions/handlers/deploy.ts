import { deployStage } from '../pipeline/stages/follow-up.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the deploy stage (a follow-up on an earlier run). */
export const handler = createLambdaHandler('deploy', deployStage);
