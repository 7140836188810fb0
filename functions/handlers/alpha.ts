import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the alpha stage. */
export const handler = createLambdaHandler('alpha');
