import { CfnElement, CfnResource, CloudFormationValidatePlugin, Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { STAGE_ENV, STAGE_IDS } from '../../functions/pipeline/stage-ids.js';
import { FUNCTION_RUNTIME } from '../../lib/agent-function.js';
import { createQuantCoderApp } from '../../lib/cdk-app.js';
import { functionTimeout } from '../../lib/pipeline.js';
import {
  ARTIFACT_BUCKET_ENV,
  SECRET_ARN_ENV,
  SECRET_NAME,
  STATE_MACHINE_ARN_ENV,
} from '../../lib/quantcoder-stack.js';
import { slackAppManifest } from '../../lib/slack-app-manifest.js';
import { reportedViolations, synthesizeStack } from './stack-fixture.js';

const { stack, template } = synthesizeStack();
/** One function per stage, and the Slack app's. */
const FUNCTION_COUNT = STAGE_IDS.length + 1;

function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild;
  const logicalId: unknown = resource instanceof CfnElement ? stack.resolve(resource.logicalId) : undefined;
  if (typeof logicalId !== 'string') throw new Error(`${construct.node.path} has no logical id`);
  return logicalId;
}

describe('QuantCoderStack artifact storage', () => {
  it('keeps the artifact bucket private, encrypted, logged and expiring after 30 days', () => {
    // Prepare
    const accessLogsId = logicalIdOf(stack.node.findChild('Artifacts').node.findChild('AccessLogs'));

    // Act
    const buckets = template.findResources('AWS::S3::Bucket', {
      Properties: { LifecycleConfiguration: { Rules: [Match.objectLike({ Id: 'expire-run-artifacts' })] } },
    });

    // Assess
    expect(Object.keys(buckets)).toHaveLength(1);
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: accessLogsId }, LogFilePrefix: 'artifacts/' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ Id: 'expire-run-artifacts', ExpirationInDays: 30, Status: 'Enabled' })],
      },
    });
  });

  it('expires artifacts after the days the stack is given', () => {
    // Prepare
    const options = { stackProps: { artifactExpiration: Duration.days(7) } };

    // Act
    const { template: shortLived } = synthesizeStack(options);

    // Assess
    shortLived.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ Id: 'expire-run-artifacts', ExpirationInDays: 7 })],
      },
    });
  });

  it('denies every request without TLS on both buckets, and keeps them when the stack goes', () => {
    // Act
    const policies = template.findResources('AWS::S3::BucketPolicy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      },
    });

    // Assess
    template.resourceCountIs('AWS::S3::Bucket', 2);
    expect(Object.keys(policies)).toHaveLength(2);
    const buckets = Object.values(template.findResources('AWS::S3::Bucket'));
    expect(buckets.map((bucket) => [bucket.DeletionPolicy, bucket.UpdateReplacePolicy])).toEqual([
      ['Retain', 'Retain'],
      ['Retain', 'Retain'],
    ]);
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('holds credentials in one secret whose value is set after deploy, never in the template', () => {
    // Act
    const secrets = template.findResources('AWS::SecretsManager::Secret');

    // Assess
    expect(Object.values(secrets)).toHaveLength(1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: SECRET_NAME,
      SecretString: '{}',
      GenerateSecretString: Match.absent(),
    });
  });
});

describe('QuantCoderStack functions', () => {
  it('makes exactly one function per stage and one for Slack, on the newest Node.js runtime, arm64, traced', () => {
    // Prepare
    const newestNode = newestNodeRuntimeName();

    // Act
    const functions = template.findResources('AWS::Lambda::Function');

    // Assess
    expect(FUNCTION_RUNTIME.name).toBe(newestNode);
    expect(Object.keys(functions)).toHaveLength(FUNCTION_COUNT);
    for (const stage of STAGE_IDS) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: newestNode,
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        Timeout: functionTimeout(stage).toSeconds(),
        Environment: {
          Variables: {
            [STAGE_ENV]: stage,
            NODE_OPTIONS: '--enable-source-maps',
            [ARTIFACT_BUCKET_ENV]: { Ref: logicalIdOf(stack.artifactBucket) },
            [SECRET_ARN_ENV]: { Ref: logicalIdOf(stack.credentials) },
          },
        },
        LoggingConfig: { LogGroup: { Ref: logicalIdOf(stack.functions[stage].logGroup) } },
      });
    }
  });

  it('passes the non-secret settings given as CDK context to every function, and no other context', () => {
    // Prepare
    const models = { alpha: 'openai:gpt-5', universe: 'mistral:devstral-2512' };

    // Act
    const configured = synthesizeStack({
      context: {
        QUANTCODER_MODELS: models,
        QUANTCODER_BUDGET_USD: 2,
        ANTHROPIC_API_KEY: 'sk-never-in-a-template',
      },
    });

    // Assess
    const functions = Object.values(configured.template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(FUNCTION_COUNT);
    for (const resource of functions) {
      const variables = resource.Properties.Environment.Variables;
      expect(variables.QUANTCODER_MODELS).toBe(JSON.stringify(models));
      expect(variables.QUANTCODER_BUDGET_USD).toBe('2');
      expect(variables.ANTHROPIC_API_KEY).toBeUndefined();
    }
    expect(JSON.stringify(configured.template.toJSON())).not.toContain('sk-never-in-a-template');
  });

  it('gives each function its own log group with a retention, and the state machine one more', () => {
    // Act
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));

    // Assess
    expect(logGroups).toHaveLength(FUNCTION_COUNT + 1);
    expect(logGroups.every((logGroup) => logGroup.Properties?.RetentionInDays === 30)).toBe(true);
  });

  it('grants each function object access to the artifact bucket and its secret, through no managed policy', () => {
    // Prepare
    const planRole = logicalIdOf(stack.functions.plan.role);
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(stack.artifactBucket), 'Arn'] };

    // Act
    const roles = Object.values(template.findResources('AWS::IAM::Role'));

    // Assess
    expect(roles.some((role) => role.Properties?.ManagedPolicyArns !== undefined)).toBe(false);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: planRole }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['s3:GetObject', 's3:PutObject'],
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', [bucketArn, '/*']] },
          }),
          Match.objectLike({ Action: 's3:ListBucket', Effect: 'Allow', Resource: bucketArn }),
          Match.objectLike({
            Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            Effect: 'Allow',
            Resource: { Ref: logicalIdOf(stack.credentials) },
          }),
        ]),
      },
    });
  });
});

describe('QuantCoderStack state machine', () => {
  it('is a Standard workflow with X-Ray tracing and ALL-level logs without execution data', () => {
    // Act
    const stateMachines = template.findResources('AWS::StepFunctions::StateMachine');

    // Assess
    expect(Object.keys(stateMachines)).toHaveLength(1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
    });
  });

  it('alarms on failed and timed-out runs and on errors of every function', () => {
    // Act
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));

    // Assess
    expect(alarms).toHaveLength(2 + FUNCTION_COUNT);
    for (const metricName of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: metricName,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
    const errorAlarms = alarms.filter((alarm) => alarm.Properties?.MetricName === 'Errors');
    expect(errorAlarms).toHaveLength(FUNCTION_COUNT);
  });

  it('outputs the state machine ARN and the bucket name', () => {
    // Act
    const outputs = template.findOutputs('*');

    // Assess
    expect(outputs.StateMachineArn?.Value).toEqual({ Ref: logicalIdOf(stack.stateMachine) });
    expect(outputs.ArtifactBucketName?.Value).toEqual({ Ref: logicalIdOf(stack.artifactBucket) });
  });
});

describe('QuantCoderStack Slack app', () => {
  const slackFunctionId = () => logicalIdOf(stack.slack.function);

  it('runs functions/handlers/slack.ts with the house defaults, the state machine, the secret and the bucket in its environment', () => {
    // Act
    const configured = synthesizeStack({ context: { QUANTCODER_SLACK_DEPLOYERS: 'U0ALICE,U0BOB' } });

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: FUNCTION_RUNTIME.name,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 10,
      Environment: {
        Variables: {
          [STATE_MACHINE_ARN_ENV]: { Ref: logicalIdOf(stack.stateMachine) },
          [SECRET_ARN_ENV]: { Ref: logicalIdOf(stack.credentials) },
          [ARTIFACT_BUCKET_ENV]: { Ref: logicalIdOf(stack.artifactBucket) },
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(stack.slack.logGroup) } },
    });
    const slackFunction = configured.template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { [STATE_MACHINE_ARN_ENV]: Match.anyValue() } } },
    });
    const variables = Object.values(slackFunction).map(
      (resource) => resource.Properties.Environment.Variables,
    );
    expect(variables).toHaveLength(1);
    expect(variables[0]?.QUANTCODER_SLACK_DEPLOYERS).toBe('U0ALICE,U0BOB');
  });

  it('is reachable through a Function URL without AWS auth, since Bolt checks Slack own signature', () => {
    // Act
    const urls = template.findResources('AWS::Lambda::Url');

    // Assess
    expect(Object.keys(urls)).toHaveLength(1);
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [slackFunctionId(), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
      FunctionName: { 'Fn::GetAtt': [slackFunctionId(), 'Arn'] },
    });
  });

  it('may start the state machine, read the secret, and read (never write) the artifact bucket', () => {
    // Prepare
    const slackRole = logicalIdOf(stack.slack.role);

    // Act
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: slackRole }] } }),
    );

    // Assess
    expect(policies).toHaveLength(1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: slackRole }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            Effect: 'Allow',
            Resource: { Ref: logicalIdOf(stack.credentials) },
          }),
          Match.objectLike({
            Action: 'states:StartExecution',
            Effect: 'Allow',
            Resource: { Ref: logicalIdOf(stack.stateMachine) },
          }),
          Match.objectLike({
            Action: 's3:GetObject',
            Effect: 'Allow',
            Resource: {
              'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdOf(stack.artifactBucket), 'Arn'] }, '/*']],
            },
          }),
          Match.objectLike({
            Action: 's3:ListBucket',
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [logicalIdOf(stack.artifactBucket), 'Arn'] },
          }),
        ]),
      },
    });
    const s3Actions = JSON.stringify(policies).match(/"s3:[A-Za-z*]+"/g);
    expect([...new Set(s3Actions)].sort()).toEqual(['"s3:GetObject"', '"s3:ListBucket"']);
  });

  it('outputs the request URL and the app manifest with that URL filled in', () => {
    // Prepare
    const urlToken = { 'Fn::GetAtt': [logicalIdOf(stack.slack.url), 'FunctionUrl'] };
    const sampleUrl = 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/';

    // Act
    const outputs = template.findOutputs('*');
    const parts: unknown[] = outputs.SlackAppManifest?.Value['Fn::Join'][1] ?? [];
    const manifest = parts
      .map((part) =>
        typeof part === 'string' ? part : JSON.stringify(part) === JSON.stringify(urlToken) ? sampleUrl : '?',
      )
      .join('');

    // Assess
    expect(outputs.SlackRequestUrl?.Value).toEqual(urlToken);
    expect(JSON.parse(manifest)).toEqual(slackAppManifest(sampleUrl));
    expect(manifest.length).toBeLessThan(4096);
  });
});

describe('QuantCoderStack synthesis', () => {
  it('skips bundling when told to, so synth needs neither esbuild nor Docker', () => {
    // Act
    const bundled = stack.bundlingRequired;

    // Assess
    expect(bundled).toBe(false);
  });

  it('passes CloudFormation validation, whose only finding is a property broken on purpose', () => {
    // Prepare
    const { app, stack: checked } = createQuantCoderApp({ cloudFormationValidation: true });
    const planFunction = checked.functions.plan.function.node.defaultChild;
    if (!(planFunction instanceof CfnResource)) throw new Error('the plan function has no CfnFunction');
    planFunction.addPropertyOverride('MemorySize', 'plenty');

    // Act
    const violations = reportedViolations(app.synth(), CloudFormationValidatePlugin.PLUGIN_NAME);

    // Assess
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.filter((violation) => !violation.includes('QuantCoder/PlanStage/Function'))).toEqual(
      [],
    );
  });
});

/** The newest `nodejsNN.x` this aws-cdk-lib knows, found independently of lib/. */
function newestNodeRuntimeName(): string {
  const [newest] = Runtime.ALL.map((runtime) => ({
    name: runtime.name,
    match: /^nodejs(\d+)\.x$/.exec(runtime.name),
  }))
    .filter((runtime) => runtime.match !== null)
    .sort((left, right) => Number(right.match?.[1]) - Number(left.match?.[1]));
  return newest?.name ?? 'none';
}
