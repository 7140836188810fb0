import { universeStage } from '../pipeline/stages/components.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the universe stage. */
export const handler = createLambdaHandler('universe', universeStage);
