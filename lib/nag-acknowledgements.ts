import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { QuantCoderError } from '../functions/shared/errors.js';

/*
 * cdk-nag 3 matches each finding exactly (`RuleId[Finding]`), so acknowledging one wildcard by its
 * resource leaves any new wildcard to fail the synth.
 */

/** Acknowledges the wildcards a state machine's role cannot avoid: log delivery, X-Ray, and function versions. */
export function acknowledgeStateMachineFindings(
  stateMachine: IConstruct,
  functions: readonly IFunction[],
): void {
  const validations = Validations.of(stateMachine);
  validations.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Log delivery (logs:CreateLogDelivery and related) and X-Ray (xray:PutTraceSegments and related) ' +
      'support no resource-level permission.',
  });
  for (const lambdaFunction of functions) {
    validations.acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(lambdaFunction)}.Arn>:*]`,
      reason:
        'LambdaInvoke also grants invoke on the versions and aliases of this one function (ARN suffix :*).',
    });
  }
}

/**
 * Acknowledges access to every object of one bucket: each run writes keys that do not exist at deploy time.
 * The reason says what the grant allows; by default, a stage function's read and write.
 */
export function acknowledgeBucketObjectAccess(
  scope: IConstruct,
  bucket: IBucket,
  reason = 'Runs write new keys (<runId>/...) in the artifact bucket; the grant is GetObject and PutObject only.',
): void {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(bucket)}.Arn>/*]`,
    reason,
  });
}

/** The logical id of a construct's CloudFormation resource, as cdk-nag writes it in a finding. */
function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnElement)) {
    throw new QuantCoderError(`${construct.node.path} has no CloudFormation resource in this app.`);
  }
  const stack = Stack.of(resource);
  const logicalId: unknown = stack.resolve(resource.logicalId);
  if (typeof logicalId !== 'string') throw new QuantCoderError(`${resource.node.path} has no logical id.`);
  return logicalId;
}
