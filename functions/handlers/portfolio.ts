import { portfolioStage } from '../pipeline/stages/components.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the portfolio stage. */
export const handler = createLambdaHandler('portfolio', portfolioStage);
