import { synthesizeTemplate } from '../../lib/cdk-app.js';
import { resolveDefinition } from '../../lib/definition.js';
import { readBudget } from '../llm/ledger/index.js';
import type { ModelRouter } from '../llm/model.js';
import { createModelRouter, type ModelConfiguration, readModelConfiguration } from '../llm/routing/index.js';
import type { RunBudget } from '../pipeline/run-state.js';
import { connectQuantConnect } from '../quantconnect/connect.js';
import type { QuantConnect } from '../quantconnect/port.js';
import type { Logger } from '../shared/logger.js';
import type { LocalDefinition } from './local-runner.js';

/** What a local run uses, the lines that tell the user so, and what to stop afterwards. */
export interface LocalEnvironment {
  models: ModelRouter;
  modelConfiguration: ModelConfiguration;
  quantConnect: QuantConnect;
  local: LocalDefinition;
  budget: RunBudget | undefined;
  describe(): string[];
  close(): Promise<void>;
}

/**
 * Synthesizes the CDK stack in-process (no bundling) and resolves its state machine to plain ASL:
 * the local runner executes exactly what `cdk deploy` ships.
 */
export function loadLocalDefinition(): LocalDefinition {
  const resolved = resolveDefinition(synthesizeTemplate());
  return { definition: resolved.definition, stageByState: resolved.stageByState };
}

function describeModels(configuration: ModelConfiguration): string {
  if (configuration.offline) {
    return 'Offline: no model vendor key is set, so the deterministic offline model writes the code.';
  }
  const served = new Map<string, string[]>();
  for (const plan of Object.values(configuration.roles)) {
    const route = `${plan.primary.provider}:${plan.primary.model}`;
    served.set(route, [...(served.get(route) ?? []), plan.role]);
  }
  const routes = [...served].map(([route, roles]) => `${route} (${roles.join(', ')})`).join('; ');
  return `Models: ${routes}. \`quantcoder models\` says why.`;
}

function describeBudget(budget: RunBudget): string {
  const caps = [
    ...(budget.usd !== undefined ? [`$${budget.usd}`] : []),
    ...(budget.tokens !== undefined ? [`${budget.tokens.toLocaleString('en-US')} tokens`] : []),
  ];
  return `Budget: ${caps.join(' or ')} per run, whichever is reached first.`;
}

/**
 * The local composition root, from the environment: vendor models when keys are set (the offline model
 * when none is), QuantConnect when QC_USER_ID and QC_API_TOKEN are set (the emulator over loopback HTTP
 * when not), and the state machine the CDK stack defines. Configuration errors surface here, before a run.
 */
export async function createLocalEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
  options: { logger?: Logger } = {},
): Promise<LocalEnvironment> {
  const modelConfiguration = readModelConfiguration(environment);
  const budget = readBudget(environment);
  const models = createModelRouter(
    modelConfiguration,
    undefined,
    options.logger ? { logger: options.logger } : {},
  );
  const local = loadLocalDefinition();
  const connection = await connectQuantConnect(environment, {
    withoutCredentials: 'emulator',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    models,
    modelConfiguration,
    quantConnect: connection.quantConnect,
    local,
    budget,
    describe: () => [
      describeModels(modelConfiguration),
      ...connection.describe(),
      ...(budget ? [describeBudget(budget)] : []),
      `State machine: ${Object.keys(local.definition.States).length} top-level states from the QuantCoder CDK stack, run in-process.`,
    ],
    close: () => connection.close(),
  };
}
