import { reuseStage } from '../pipeline/stages/follow-up.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the reuse stage (a follow-up on an earlier run). */
export const handler = createLambdaHandler('reuse', reuseStage);
