import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ESM_BUNDLING, FUNCTION_ARCHITECTURE, FUNCTION_RUNTIME, PROJECT_ROOT } from './agent-function.js';
import { acknowledgeBucketObjectAccess } from './nag-acknowledgements.js';

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
export class SlackFunction extends Construct {
  readonly function: NodejsFunction;
  readonly url: lambda.FunctionUrl;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SlackFunctionProps = {}) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'QuantCoder Slack app',
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, 'functions', 'handlers', 'slack.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: 'QuantCoder Slack app: commands, thread replies, buttons and modals',
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      // Slack waits 3 s, cold start included: more memory is more CPU for loading Bolt.
      memorySize: 1024,
      // Listeners finish well within Slack's 3 s; the rest covers a cold start's secret read and auth.test.
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        ...ESM_BUNDLING,
        // The runtime ships the v3 SDK.
        externalModules: ['@aws-sdk/*'],
      },
    });
    this.url = this.function.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission.',
    });
  }

  /** Lets the function read one secret's value (the Slack signing secret and bot token live there). */
  grantSecretRead(secret: ISecret): void {
    secret.grantRead(this.role);
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
