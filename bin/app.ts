import { App } from 'aws-cdk-lib';
import { STACK_NAME } from '../lib/cdk-app.js';
import { addNagChecks } from '../lib/nag-checks.js';
import { QuantCoderStack } from '../lib/quantcoder-stack.js';

const app = new App();
new QuantCoderStack(app, STACK_NAME, {
  description: 'QuantCoder: turns a trading idea into a validated, backtested QuantConnect project.',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
addNagChecks(app);
