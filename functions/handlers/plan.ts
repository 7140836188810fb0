import { planStage } from '../pipeline/stages/plan.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the plan stage. */
export const handler = createLambdaHandler('plan', planStage);
