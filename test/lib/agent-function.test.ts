import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { STAGE_ENV } from '../../functions/pipeline/stage-ids.js';
import { WASM_DIRECTORY_ENV } from '../../functions/validator/python/wasm-files.js';
import {
  AgentFunction,
  type AgentFunctionProps,
  catalogCopyCommands,
  FUNCTION_RUNTIME,
  LAMBDA_TASK_ROOT,
  wasmCopyCommands,
} from '../../lib/agent-function.js';

function build(props: AgentFunctionProps, extend?: (stack: Stack, agent: AgentFunction) => void) {
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test');
  const agent = new AgentFunction(stack, 'Agent', props);
  extend?.(stack, agent);
  return { stack, agent, template: Template.fromStack(stack) };
}

describe('AgentFunction', () => {
  it('applies the house defaults: newest runtime, arm64, tracing, 512 MiB, 60 s, source maps, its stage', () => {
    // Act
    const { template } = build({ stage: 'plan' });

    // Assess
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: FUNCTION_RUNTIME.name,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      MemorySize: 512,
      Timeout: 60,
      Environment: {
        Variables: {
          [STAGE_ENV]: 'plan',
          [WASM_DIRECTORY_ENV]: LAMBDA_TASK_ROOT,
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('takes overrides, but the stage variable always names its own stage', () => {
    // Act
    const { template } = build({
      stage: 'validate',
      memorySize: 1024,
      timeout: Duration.seconds(30),
      logRetention: RetentionDays.ONE_WEEK,
      environment: { EXTRA: 'yes', [STAGE_ENV]: 'plan' },
    });

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1024,
      Timeout: 30,
      Environment: { Variables: { [STAGE_ENV]: 'validate', EXTRA: 'yes' } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });

  it('writes logs through its own role, with no managed policy', () => {
    // Act
    const { template } = build({ stage: 'plan' });

    // Assess
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow' }),
        ]),
      },
    });
  });

  it('grants objects of a bucket and one secret, and nothing broader', () => {
    // Act
    const { stack, template } = build({ stage: 'package' }, (scope, agent) => {
      agent.grantArtifactReadWrite(new Bucket(scope, 'Bucket'));
      agent.grantSecretRead(new Secret(scope, 'Secret'));
    });

    // Assess
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    const actions = statements.flatMap((statement: { Action: string | string[] }) => statement.Action).sort();
    expect(actions).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    expect(stack.bundlingRequired).toBe(false);
  });

  it('ships the parser as two WebAssembly files copied next to the bundle, with no native addon', () => {
    // Prepare
    const outputDir = join('asset', 'output');

    // Act
    const commands = wasmCopyCommands(outputDir);

    // Assess
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^cp '.*web-tree-sitter[\\/]tree-sitter\.wasm' '.*tree-sitter\.wasm'$/);
    expect(commands[0]).toContain(`'${join(outputDir, 'tree-sitter.wasm')}'`);
    expect(commands[1]).toMatch(/^cp '.*tree-sitter-python[\\/]tree-sitter-python\.wasm' /);
    expect(commands[1]).toContain(`'${join(outputDir, 'tree-sitter-python.wasm')}'`);
    expect(commands.join('\n')).not.toContain('node_modules/tree-sitter/');
  });

  it('ships the LEAN API catalog next to the bundle, where the validator looks for it', () => {
    // Prepare
    const outputDir = join('asset', 'output');

    // Act
    const commands = catalogCopyCommands(outputDir);

    // Assess
    expect(commands).toEqual([
      expect.stringMatching(/^cp '.*functions[\\/]validator[\\/]catalog[\\/]lean-catalog\.txt\.gz' /),
    ]);
    expect(commands[0]).toContain(`'${join(outputDir, 'lean-catalog.txt.gz')}'`);
  });
});
