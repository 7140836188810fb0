import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { HouseFunction } from './agent-function.js';
import { acknowledgeBucketObjectAccess } from './nag-acknowledgements.js';

/** Left out of the Slack bundle: the Lambda runtime ships the v3 SDK. */
export const SLACK_EXTERNAL_MODULES: readonly string[] = ['@aws-sdk/*'];

export interface SlackFunctionProps {
  /** The function's environment: settings, the secret's and state machine's ARNs, the bucket. */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The Slack app as a Lambda function behind a Function URL, with the stage functions' runtime,
 * architecture, tracing and log defaults. The URL takes anonymous requests (auth NONE) because Slack
 * cannot sign AWS requests; Bolt verifies Slack's own signature on every request instead.
 */
export class SlackFunction extends HouseFunction {
  readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: SlackFunctionProps = {}) {
    super(scope, id, {
      entry: join('functions', 'handlers', 'slack.ts'),
      description: 'QuantCoder Slack app: commands, thread replies, buttons and modals',
      roleDescription: 'QuantCoder Slack app',
      // Slack waits 3 s, cold start included: more memory is more CPU for loading Bolt.
      memorySize: 1024,
      // Listeners finish well within Slack's 3 s; the rest covers a cold start's secret read and auth.test.
      timeout: Duration.seconds(10),
      environment: { ...props.environment },
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      bundling: { externalModules: [...SLACK_EXTERNAL_MODULES] },
    });
    this.url = this.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  }

  /**
   * Lets the function read the artifact bucket, and not write it: a "Fresh download link" click reads the
   * run's record and presigns a GetObject of its zip, which works only if this role may get the object.
   */
  grantArtifactRead(bucket: IBucket): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
    );
    // ListBucket turns a read of a missing key into 404 NoSuchKey instead of 403.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
    acknowledgeBucketObjectAccess(
      this.role,
      bucket,
      'Zips and run records live under keys made per run (<runId>/..., snapshots/runs/<runId>/...); the grant is GetObject only.',
    );
  }

  /** Lets the function start executions of one state machine, and nothing else on it. */
  grantStartExecution(stateMachine: IStateMachine): void {
    stateMachine.grantStartExecution(this.role);
  }
}
