import { synthesizeTemplate } from '../../lib/cdk-app.js';
import { resolveDefinition } from '../../lib/definition.js';
import { describeBudget, readBudget } from '../llm/ledger/index.js';
import type { ModelRouter } from '../llm/model.js';
import { createModelRouter, type ModelConfiguration, readModelConfiguration } from '../llm/routing/index.js';
import type { RunBudget } from '../pipeline/run-state.js';
import { connectQuantConnect, type QuantConnectConnection } from '../quantconnect/connect.js';
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

let definition: LocalDefinition | undefined;

/**
 * Synthesizes the CDK stack in-process (no bundling) and resolves its state machine to plain ASL:
 * the local runner executes exactly what `cdk deploy` ships. Once per process: the synth takes about a
 * second, the definition is read-only, and the runner keeps one interpreter per definition object.
 */
export function loadLocalDefinition(): LocalDefinition {
  if (definition === undefined) {
    const resolved = resolveDefinition(synthesizeTemplate());
    definition = { definition: resolved.definition, stageByState: resolved.stageByState };
  }
  return definition;
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

/**
 * The local composition root, from the environment: vendor models when keys are set (the offline model
 * when none is), QuantConnect when QC_USER_ID and QC_API_TOKEN are set (the emulator over loopback HTTP
 * when not) unless the caller brings a ready `quantConnect`, and the state machine the CDK stack defines.
 * Configuration errors surface here, before a run.
 */
export async function createLocalEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
  options: { logger?: Logger; quantConnect?: QuantConnectConnection } = {},
): Promise<LocalEnvironment> {
  const modelConfiguration = readModelConfiguration(environment);
  const budget = readBudget(environment);
  const models = createModelRouter(
    modelConfiguration,
    undefined,
    options.logger ? { logger: options.logger } : {},
  );
  const local = loadLocalDefinition();
  const connection =
    options.quantConnect ??
    (await connectQuantConnect(environment, {
      withoutCredentials: 'emulator',
      ...(options.logger ? { logger: options.logger } : {}),
    }));
  return {
    models,
    modelConfiguration,
    quantConnect: connection.quantConnect,
    local,
    budget,
    describe: () => [
      describeModels(modelConfiguration),
      ...connection.describe(),
      ...(budget ? [`Budget: ${describeBudget(budget, 'or')} per run, whichever is reached first.`] : []),
      `State machine: ${Object.keys(local.definition.States).length} top-level states from the QuantCoder CDK stack, run in-process.`,
    ],
    close: () => connection.close(),
  };
}
