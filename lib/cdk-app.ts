import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { z } from 'zod';
import { ConfigurationError } from '../functions/shared/errors.js';
import { PROJECT_ROOT } from './agent-function.js';
import { QuantCoderStack, type QuantCoderStackProps } from './quantcoder-stack.js';

/** The stack's name in every app: `cdk deploy` and the local runner agree on it. */
export const STACK_NAME = 'QuantCoder';

const CdkJson = z.object({ context: z.record(z.string(), z.unknown()).default({}) });

/**
 * The context (feature flags) from cdk.json. The CLI passes it to bin/app.ts; an app built in-process
 * (tests, the local runner) must pass it itself or it synthesizes a different template.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const path = join(PROJECT_ROOT, 'cdk.json');
  try {
    return CdkJson.parse(JSON.parse(readFileSync(path, 'utf8'))).context;
  } catch (error) {
    throw new ConfigurationError(`cdk.json at the project root cannot be read as CDK settings.`, {
      cause: error,
    });
  }
}

export interface QuantCoderAppOptions {
  /** Bundle the functions with esbuild. @default false: in-process apps need only the template */
  readonly bundling?: boolean;
  /** aws-cdk-lib's built-in CloudFormation validation (about 2 s). @default false */
  readonly cloudFormationValidation?: boolean;
  /** Context added to (and overriding) cdk.json's. */
  readonly context?: Readonly<Record<string, unknown>>;
  /** Where the cloud assembly goes. @default a new temporary folder */
  readonly outdir?: string;
  readonly stackProps?: Omit<QuantCoderStackProps, 'bundling'>;
}

/** Builds the QuantCoder app in-process with cdk.json's context, for tests and the local runner. */
export function createQuantCoderApp(options: QuantCoderAppOptions = {}): {
  app: App;
  stack: QuantCoderStack;
} {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const stack = new QuantCoderStack(app, STACK_NAME, {
    ...options.stackProps,
    bundling: options.bundling ?? false,
  });
  return { app, stack };
}

/**
 * Synthesizes the stack without bundling or validation and returns its CloudFormation template as
 * plain JSON; the cloud assembly is written to a temporary folder and removed.
 */
export function synthesizeTemplate(stackProps?: QuantCoderAppOptions['stackProps']): Record<string, unknown> {
  const outdir = mkdtempSync(join(tmpdir(), 'quantcoder-synth-'));
  try {
    const { app, stack } = createQuantCoderApp({ outdir, ...(stackProps ? { stackProps } : {}) });
    return app.synth().getStackByName(stack.stackName).template;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
