import { reportFailureStage } from '../pipeline/stages/finish.js';
import { createAwsDeps } from '../shared/aws-deps.js';
import { renderEquityChartLazily } from '../slack/chart/lazy-equity-chart.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the report-failure stage: it alone with report draws the equity chart. */
export const handler = createLambdaHandler('report-failure', reportFailureStage, () =>
  createAwsDeps(process.env, { renderChart: renderEquityChartLazily }),
);
