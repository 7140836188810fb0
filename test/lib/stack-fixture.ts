import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { z } from 'zod';
import { createQuantCoderApp, type QuantCoderAppOptions, synthesizeTemplate } from '../../lib/cdk-app.js';
import { type ResolvedDefinition, resolveDefinition } from '../../lib/definition.js';
import type { QuantCoderStack } from '../../lib/quantcoder-stack.js';

/** The stack as the tests see it: no bundling, no built-in CloudFormation validation, unless asked. */
export function synthesizeStack(options: QuantCoderAppOptions = {}): {
  stack: QuantCoderStack;
  template: Template;
} {
  const { stack } = createQuantCoderApp(options);
  return { stack, template: Template.fromStack(stack) };
}

let pipeline: ResolvedDefinition | undefined;

/** The pipeline's ASL, resolved from the synthesized template once per test file. */
export function resolvedPipeline(): ResolvedDefinition {
  pipeline ??= resolveDefinition(synthesizeTemplate());
  return pipeline;
}

const ValidationReport = z.object({
  pluginReports: z.array(
    z.object({
      pluginName: z.string(),
      violations: z.array(
        z.object({
          ruleName: z.string(),
          severity: z.string(),
          violatingConstructs: z.array(z.object({ constructPath: z.string().optional() })).default([]),
        }),
      ),
    }),
  ),
});

/** Every violation of a validation plugin in a synthesized assembly, as `rule at construct path`. */
export function reportedViolations(assembly: CloudAssembly, pluginName: string): string[] {
  const report = ValidationReport.parse(
    JSON.parse(readFileSync(join(assembly.directory, VALIDATION_REPORT_FILE), 'utf8')),
  );
  return report.pluginReports
    .filter((pluginReport) => pluginReport.pluginName === pluginName)
    .flatMap((pluginReport) => pluginReport.violations)
    .flatMap((violation) =>
      violation.violatingConstructs.map(
        (construct) => `${violation.ruleName} at ${construct.constructPath ?? '?'}`,
      ),
    );
}
