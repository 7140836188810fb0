import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { createQuantCoderApp } from '../../lib/cdk-app.js';
import { addNagChecks } from '../../lib/nag-checks.js';
import { reportedViolations } from './stack-fixture.js';

/** The app with cdk-nag on, writing its findings to the validation report instead of throwing. */
function appUnderNag() {
  const built = createQuantCoderApp({ context: { [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false } });
  addNagChecks(built.app);
  return built;
}

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing that is not acknowledged with a reason', () => {
    // Prepare
    const { app } = appUnderNag();

    // Act
    const violations = reportedViolations(app.synth(), 'AwsSolutions');

    // Assess
    expect(violations).toEqual([]);
  });

  it('reports a new wildcard permission, so a new finding fails the check above', () => {
    // Prepare
    const { app, stack } = appUnderNag();
    stack.functions.validate.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:*'], resources: [stack.artifactBucket.bucketArn] }),
    );

    // Act
    const violations = reportedViolations(app.synth(), 'AwsSolutions');

    // Assess
    expect(violations).toEqual([
      'AwsSolutions-IAM5[Action::s3:*] at QuantCoder/ValidateStage/Role/DefaultPolicy/Resource',
    ]);
  });
});
