import { reportStage } from '../pipeline/stages/finish.js';
import { createAwsDeps } from '../shared/aws-deps.js';
import { renderEquityChartLazily } from '../slack/chart/lazy-equity-chart.js';
import { createLambdaHandler } from './lambda-handler.js';

/** Lambda entry of the report stage: it alone with report-failure draws the equity chart. */
export const handler = createLambdaHandler('report', reportStage, () =>
  createAwsDeps(process.env, { renderChart: renderEquityChartLazily }),
);
