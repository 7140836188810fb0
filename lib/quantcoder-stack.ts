import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { STAGE_IDS, type StageId } from '../functions/pipeline/stage-ids.js';
import { PLAIN_SETTING_NAMES } from '../functions/shared/secret-settings.js';
import { AgentFunction } from './agent-function.js';
import { ArtifactBuckets } from './artifact-buckets.js';
import { acknowledgeStateMachineFindings } from './nag-acknowledgements.js';
import { buildPipelineDefinition, functionTimeout } from './pipeline.js';
import { slackAppManifest } from './slack-app-manifest.js';
import { SlackFunction } from './slack-function.js';

/** Where a function finds the artifact bucket. */
export const ARTIFACT_BUCKET_ENV = 'ARTIFACT_BUCKET';
/** Where a function finds the credentials secret. */
export const SECRET_ARN_ENV = 'QUANTCODER_SECRET_ARN';
export const SECRET_NAME = 'quantcoder/credentials';
/** Where the Slack function finds the state machine it starts. */
export const STATE_MACHINE_ARN_ENV = 'STATE_MACHINE_ARN';
/** Context key that lists the stacks to bundle; an empty list bundles none. */
const BUNDLING_STACKS_CONTEXT = 'aws:cdk:bundling-stacks';
const S3_ACCESS_LOGS_USE_BUCKET_POLICY = '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy';

/** Stages that parse or zip whole projects get more memory (and with it more CPU). */
const MEMORY_MIB: Readonly<Partial<Record<StageId, number>>> = {
  validate: 1024,
  integrate: 1024,
  package: 1024,
  'report-failure': 1024,
};

export interface QuantCoderStackProps extends StackProps {
  /** How long run artifacts (files, reports, zips) are kept. @default 30 days */
  readonly artifactExpiration?: Duration;
  /** Upper bound of one run, backtest included. @default 6 hours */
  readonly executionTimeout?: Duration;
  /**
   * Bundle the functions with esbuild. Turn off where only the template is needed (the local
   * runner, template tests): synth then needs neither esbuild nor Docker and takes well under a second.
   * @default true
   */
  readonly bundling?: boolean;
  /** Retention of function and state machine logs. @default one month */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The non-secret settings given as CDK context under their environment names
 * (`cdk deploy -c QUANTCODER_MODELS='{"alpha":"openai:gpt-5"}' -c QUANTCODER_BUDGET_USD=2`); keys go in the secret.
 */
function contextSettings(scope: Construct): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const name of PLAIN_SETTING_NAMES) {
    const value: unknown = scope.node.tryGetContext(name);
    if (value === undefined || value === null || value === '') continue;
    settings[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return settings;
}

/**
 * QuantCoder in one account: the artifact bucket, the credentials secret, one function per stage,
 * the pipeline state machine and the alarms that say when runs fail.
 */
export class QuantCoderStack extends Stack {
  readonly artifactBucket: s3.Bucket;
  readonly credentials: secretsmanager.Secret;
  readonly functions: Readonly<Record<StageId, AgentFunction>>;
  readonly stateMachine: sfn.StateMachine;
  /** The Slack app: slash command, thread replies and buttons, behind a Function URL. */
  readonly slack: SlackFunction;
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: QuantCoderStackProps = {}) {
    super(scope, id, props);
    // Context must be set before any child exists. Asset staging reads the bundling list here.
    if (props.bundling === false) this.node.setContext(BUNDLING_STACKS_CONTEXT, []);
    // Access logs delivered under a bucket policy, not the legacy LogDeliveryWrite ACL (which would force
    // ObjectWriter ownership); set on the stack so every app that builds it gets the same template.
    this.node.setContext(S3_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    const buckets = new ArtifactBuckets(this, 'Artifacts', {
      expiration: props.artifactExpiration ?? Duration.days(30),
    });
    this.artifactBucket = buckets.artifacts;

    // Holds one JSON object, filled in by hand after deploy (values never live in code or templates):
    // ANTHROPIC_API_KEY, OPENAI_API_KEY, MISTRAL_API_KEY (the model vendors in use), and
    // QUANTCONNECT_USER_ID, QUANTCONNECT_API_TOKEN (QuantConnect REST API v2).
    this.credentials = new secretsmanager.Secret(this, 'Credentials', {
      secretName: SECRET_NAME,
      description:
        'QuantCoder: model vendor API keys and the QuantConnect user id and API token, as one JSON object.',
      secretObjectValue: {},
    });
    Validations.of(this.credentials).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret holds third-party keys (model vendors, QuantConnect) that only their issuers can rotate; ' +
        'no rotation function can do it.',
    });

    this.functions = buildStageFunctions(this, {
      environment: {
        ...contextSettings(this),
        [ARTIFACT_BUCKET_ENV]: this.artifactBucket.bucketName,
        [SECRET_ARN_ENV]: this.credentials.secretArn,
      },
      logRetention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    for (const stageFunction of Object.values(this.functions)) {
      stageFunction.grantArtifactReadWrite(this.artifactBucket);
      stageFunction.grantSecretRead(this.credentials);
    }

    const lambdas = mapStages((stage): IFunction => this.functions[stage].function);
    this.stateMachine = new sfn.StateMachine(this, 'Pipeline', {
      comment: 'QuantCoder: idea, plan, components, validate and refine, backtest, package, report.',
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: buildPipelineDefinition(this, lambdas),
      timeout: props.executionTimeout ?? Duration.hours(6),
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(this, 'PipelineLogs', {
          retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
        }),
        level: sfn.LogLevel.ALL,
        // The state holds the user's idea and Slack ids: keep it out of the logs.
        includeExecutionData: false,
      },
    });
    acknowledgeStateMachineFindings(this.stateMachine, Object.values(lambdas));

    this.slack = new SlackFunction(this, 'Slack', {
      environment: {
        ...contextSettings(this),
        [SECRET_ARN_ENV]: this.credentials.secretArn,
        [STATE_MACHINE_ARN_ENV]: this.stateMachine.stateMachineArn,
        // Read only: "Fresh download link" signs a new link to a run's zip.
        [ARTIFACT_BUCKET_ENV]: this.artifactBucket.bucketName,
      },
      logRetention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    this.slack.grantSecretRead(this.credentials);
    this.slack.grantStartExecution(this.stateMachine);
    this.slack.grantArtifactRead(this.artifactBucket);

    this.alarms = this.createAlarms();

    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });
    new CfnOutput(this, 'ArtifactBucketName', { value: this.artifactBucket.bucketName });
    new CfnOutput(this, 'CredentialsSecretArn', { value: this.credentials.secretArn });
    new CfnOutput(this, 'SlackRequestUrl', {
      description: 'The Slack app request URL: slash command, event subscriptions and interactivity.',
      value: this.slack.url.url,
    });
    new CfnOutput(this, 'SlackAppManifest', {
      description: 'Paste into api.slack.com/apps, Create New App, From a manifest (JSON).',
      value: this.toJsonString(slackAppManifest(this.slack.url.url)),
    });
  }

  private createAlarms(): cloudwatch.Alarm[] {
    const fiveMinutes = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };
    const whenAny = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };
    const alarms = [
      this.stateMachine.metricFailed(fiveMinutes).createAlarm(this, 'RunsFailedAlarm', {
        ...whenAny,
        alarmDescription: 'A QuantCoder run failed; its report.json says why.',
      }),
      this.stateMachine.metricTimedOut(fiveMinutes).createAlarm(this, 'RunsTimedOutAlarm', {
        ...whenAny,
        alarmDescription: 'A QuantCoder run hit the execution timeout.',
      }),
    ];
    for (const stageFunction of Object.values(this.functions)) {
      alarms.push(
        stageFunction.function.metricErrors(fiveMinutes).createAlarm(stageFunction, 'ErrorsAlarm', {
          ...whenAny,
          alarmDescription: `The QuantCoder ${stageFunction.stage} function threw (retries included).`,
        }),
      );
    }
    alarms.push(
      this.slack.function.metricErrors(fiveMinutes).createAlarm(this.slack, 'ErrorsAlarm', {
        ...whenAny,
        alarmDescription: 'The QuantCoder Slack function threw; Slack users saw no answer.',
      }),
    );
    return alarms;
  }
}

function buildStageFunctions(
  scope: Construct,
  options: { environment: Record<string, string>; logRetention: logs.RetentionDays },
): Record<StageId, AgentFunction> {
  return mapStages(
    (stage) =>
      new AgentFunction(scope, `${pascalCase(stage)}Stage`, {
        stage,
        timeout: functionTimeout(stage),
        memorySize: MEMORY_MIB[stage] ?? 512,
        environment: options.environment,
        logRetention: options.logRetention,
      }),
  );
}

function mapStages<T>(make: (stage: StageId) => T): Record<StageId, T> {
  const entries = STAGE_IDS.map((stage) => [stage, make(stage)] as const);
  return Object.fromEntries(entries) as Record<StageId, T>;
}

function pascalCase(stage: StageId): string {
  return stage
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
