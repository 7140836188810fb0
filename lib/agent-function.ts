import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  NodejsFunction,
  OutputFormat,
  SourceMapMode,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { STAGE_ENV, type StageId } from '../functions/pipeline/stage-ids.js';
import {
  CHART_ASSET_FILES,
  CHART_ASSETS,
  installedChartAsset,
} from '../functions/slack/chart/chart-assets.js';
import { LEAN_CATALOG_URL } from '../functions/validator/catalog/catalog-file.js';
import { WASM_DIRECTORY_ENV, WASM_FILES, wasmFilePaths } from '../functions/validator/python/wasm-files.js';
import { acknowledgeBucketObjectAccess } from './nag-acknowledgements.js';

/** The newest Node.js runtime this aws-cdk-lib offers; cdk-nag's AwsSolutions-L1 checks it stays the newest. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const FUNCTION_ARCHITECTURE = lambda.Architecture.ARM_64;

/** The repository root: entries, package.json and the lock file are found from here, not from the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where Lambda unpacks the bundle; the Python parser's WebAssembly files are copied there beside it. */
export const LAMBDA_TASK_ROOT = '/var/task';

/**
 * ESM output has no `require`, `__filename` or `__dirname`; CommonJS dependencies bundled into it
 * (pino, zod's CJS fallbacks, the AWS SDK's helpers, Bolt) still reach for them.
 */
export const ESM_BANNER = [
  "import { createRequire as __quantcoderCreateRequire } from 'node:module';",
  "import { fileURLToPath as __quantcoderFileURLToPath } from 'node:url';",
  "import { dirname as __quantcoderDirname } from 'node:path';",
  'const require = __quantcoderCreateRequire(import.meta.url);',
  'const __filename = __quantcoderFileURLToPath(import.meta.url);',
  'const __dirname = __quantcoderDirname(__filename);',
].join('');

/** How every QuantCoder function is bundled: minified ESM with source maps and the CommonJS banner. */
export const ESM_BUNDLING: Readonly<
  Pick<
    BundlingOptions,
    'format' | 'mainFields' | 'minify' | 'sourceMap' | 'sourceMapMode' | 'sourcesContent' | 'banner'
  >
> = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  banner: ESM_BANNER,
};

/** What a house function is given: its handler file, its descriptions, its size, environment and bundling. */
export interface HouseFunctionProps {
  /** The handler file, from the repository root. */
  readonly entry: string;
  /** The function's description. */
  readonly description: string;
  /** The role's description. */
  readonly roleDescription: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** The whole environment: NODE_OPTIONS for source maps is added. */
  readonly environment: Readonly<Record<string, string>>;
  /** Added to ESM_BUNDLING. */
  readonly bundling: BundlingOptions;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * A QuantCoder Lambda function with the house defaults: newest Node.js runtime on arm64, ESM bundle with
 * source maps, X-Ray tracing, its own log group with a retention, and its own role that holds only what
 * the grant helpers add. The children keep the ids Logs, Role and Function.
 */
export class HouseFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: that managed policy may write to any log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.roleDescription,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: props.memorySize,
      timeout: props.timeout,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: { ...ESM_BUNDLING, ...props.bundling },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permission.',
    });
  }

  /** Lets the function read one secret's value. */
  grantSecretRead(secret: ISecret): void {
    secret.grantRead(this.role);
  }
}

export interface AgentFunctionProps {
  /** The pipeline stage this function runs: picks `functions/handlers/<stage>.ts` and sets QUANTCODER_STAGE. */
  readonly stage: StageId;
  /** @default 60 seconds */
  readonly timeout?: Duration;
  /** @default 512 MiB */
  readonly memorySize?: number;
  /** Added to QUANTCODER_STAGE, QUANTCODER_WASM_DIR and NODE_OPTIONS. */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
}

/** One pipeline stage as a house Lambda function (see HouseFunction). */
export class AgentFunction extends HouseFunction {
  readonly stage: StageId;

  constructor(scope: Construct, id: string, props: AgentFunctionProps) {
    super(scope, id, {
      entry: join('functions', 'handlers', `${props.stage}.ts`),
      description: `QuantCoder ${props.stage} stage`,
      roleDescription: `QuantCoder ${props.stage} stage`,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      environment: {
        ...props.environment,
        [STAGE_ENV]: props.stage,
        [WASM_DIRECTORY_ENV]: LAMBDA_TASK_ROOT,
      },
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      bundling: {
        // The runtime ships the v3 SDK. `canvas` is vega's optional native renderer, imported only when
        // installed: the chart draws SVG without it, and a native addon built here would not load on arm64.
        externalModules: ['@aws-sdk/*', 'canvas'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => [
            ...wasmCopyCommands(outputDir),
            ...catalogCopyCommands(outputDir),
            ...(CHART_STAGES.has(props.stage) ? chartAssetCopyCommands(outputDir) : []),
          ],
        },
      },
    });
    this.stage = props.stage;
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
}

/**
 * Shell commands that copy the validator's WebAssembly files (web-tree-sitter's runtime and the Python
 * grammar) from the installed packages next to the bundle: esbuild bundles the parser's JavaScript, but the
 * parser reads these two files at module load, from QUANTCODER_WASM_DIR. One build serves every architecture.
 */
export function wasmCopyCommands(outputDir: string): string[] {
  // From node_modules, whatever QUANTCODER_WASM_DIR says on the machine that synthesizes.
  const installed = wasmFilePaths({});
  return [
    `cp ${quote(installed.runtime)} ${quote(join(outputDir, WASM_FILES.runtime.fileName))}`,
    `cp ${quote(installed.grammar)} ${quote(join(outputDir, WASM_FILES.grammar.fileName))}`,
  ];
}

/**
 * The shell command that copies the validator's LEAN API catalog next to the bundle, where the bundled
 * code looks for it (LEAN_CATALOG_URL resolves beside the module that reads it).
 */
export function catalogCopyCommands(outputDir: string): string[] {
  const source = fileURLToPath(LEAN_CATALOG_URL);
  return [`cp ${quote(source)} ${quote(join(outputDir, basename(source)))}`];
}

/**
 * The stages that post a run's last word, and so may draw its equity chart: only their functions carry the
 * chart's 3 MB of run-time files.
 */
export const CHART_STAGES: ReadonlySet<StageId> = new Set(['report', 'report-failure']);

/**
 * Shell commands that copy the equity chart's run-time files (resvg's WebAssembly and the DejaVu Sans font)
 * next to the bundle, where the chart looks for them (QUANTCODER_WASM_DIR).
 */
export function chartAssetCopyCommands(outputDir: string): string[] {
  return CHART_ASSETS.map(
    (asset) =>
      `cp ${quote(installedChartAsset(asset))} ${quote(join(outputDir, CHART_ASSET_FILES[asset].fileName))}`,
  );
}

function quote(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}
