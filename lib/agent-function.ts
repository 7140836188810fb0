import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { STAGE_ENV, type StageId } from '../functions/pipeline/stage-ids.js';
import { acknowledgeBucketObjectAccess } from './nag-acknowledgements.js';

/** The newest Node.js runtime this aws-cdk-lib offers; cdk-nag's AwsSolutions-L1 checks it stays the newest. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const FUNCTION_ARCHITECTURE = lambda.Architecture.ARM_64;

/** The repository root: entries, package.json and the lock file are found from here, not from the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Native addons the functions load at run time. esbuild cannot bundle a `.node` file, so they stay
 * external and are copied next to the bundle with their prebuilt binary for the function's architecture.
 */
export const NATIVE_MODULES: readonly string[] = ['tree-sitter', 'tree-sitter-python'];
/** What the native addons require at run time (node-addon-api is only needed to compile them). */
const NATIVE_RUNTIME_DEPENDENCIES: readonly string[] = ['node-gyp-build'];

/**
 * ESM output has no `require`, `__filename` or `__dirname`; CommonJS dependencies bundled into it
 * (pino, zod's CJS fallbacks, the AWS SDK's helpers) still reach for them.
 */
const ESM_BANNER = [
  "import { createRequire as __quantcoderCreateRequire } from 'node:module';",
  "import { fileURLToPath as __quantcoderFileURLToPath } from 'node:url';",
  "import { dirname as __quantcoderDirname } from 'node:path';",
  'const require = __quantcoderCreateRequire(import.meta.url);',
  'const __filename = __quantcoderFileURLToPath(import.meta.url);',
  'const __dirname = __quantcoderDirname(__filename);',
].join('');

export interface AgentFunctionProps {
  /** The pipeline stage this function runs: picks `functions/handlers/<stage>.ts` and sets QUANTCODER_STAGE. */
  readonly stage: StageId;
  /** @default 60 seconds */
  readonly timeout?: Duration;
  /** @default 512 MiB */
  readonly memorySize?: number;
  /** Added to QUANTCODER_STAGE and NODE_OPTIONS. */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
  /** Native addons to ship beside the bundle. @default NATIVE_MODULES */
  readonly nativeModules?: readonly string[];
}

/**
 * One pipeline stage as a Lambda function with the house defaults: newest Node.js runtime on arm64,
 * ESM bundle with source maps, X-Ray tracing, its own log group with a retention, and its own role
 * that holds only what the grant helpers add.
 */
export class AgentFunction extends Construct {
  readonly stage: StageId;
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AgentFunctionProps) {
    super(scope, id);
    this.stage = props.stage;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: that managed policy may write to any log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `QuantCoder ${props.stage} stage`,
    });
    this.logGroup.grantWrite(this.role);

    const nativeModules = props.nativeModules ?? NATIVE_MODULES;
    const shippedModules = nativeModules.length > 0 ? [...nativeModules, ...NATIVE_RUNTIME_DEPENDENCIES] : [];
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, 'functions', 'handlers', `${props.stage}.ts`),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: `QuantCoder ${props.stage} stage`,
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: {
        ...props.environment,
        [STAGE_ENV]: props.stage,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        banner: ESM_BANNER,
        // The runtime ships the v3 SDK.
        externalModules: ['@aws-sdk/*', ...shippedModules],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => copyModulesCommands(shippedModules, outputDir),
        },
      },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission.',
    });
  }

  /** Lets the function read and write objects in the artifact bucket, and nothing else there. */
  grantArtifactReadWrite(bucket: IBucket): void {
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [bucket.arnForObjects('*')],
      }),
    );
    // ListBucket turns a read of a missing key into 404 NoSuchKey instead of 403.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
    acknowledgeBucketObjectAccess(this.role, bucket);
  }

  /** Lets the function read one secret's value. */
  grantSecretRead(secret: ISecret): void {
    secret.grantRead(this.role);
  }
}

/**
 * Shell commands that copy installed packages into the bundle, as `nodeModules` would without its
 * `npm ci` (which needs the registry at synth time). The compiled `build/` folder is dropped: it holds
 * the build machine's binary, which node-gyp-build would prefer over the prebuild for Lambda's arm64.
 */
function copyModulesCommands(modules: readonly string[], outputDir: string): string[] {
  const resolveFromRoot = createRequire(join(PROJECT_ROOT, 'package.json'));
  const prebuild = FUNCTION_ARCHITECTURE === lambda.Architecture.ARM_64 ? 'linux-arm64' : 'linux-x64';
  return modules.flatMap((name) => {
    const source = dirname(resolveFromRoot.resolve(`${name}/package.json`));
    const target = join(outputDir, 'node_modules', name);
    return [
      `mkdir -p ${quote(dirname(target))}`,
      `cp -R ${quote(source)} ${quote(target)}`,
      `rm -rf ${quote(join(target, 'build'))}`,
      `if [ -d ${quote(join(target, 'prebuilds'))} ]; then find ${quote(join(target, 'prebuilds'))} -mindepth 1 -maxdepth 1 ! -name ${prebuild} -exec rm -rf {} +; fi`,
    ];
  });
}

function quote(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}
