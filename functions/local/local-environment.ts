import { synthesizeTemplate } from '../../lib/cdk-app.js';
import { resolveDefinition } from '../../lib/definition.js';
import type { ModelRouter } from '../llm/model.js';
import { createOfflineModel } from '../llm/offline-model.js';
import { createInProcessEmulator } from '../quantconnect/emulator/in-process-emulator.js';
import type { QuantConnect } from '../quantconnect/port.js';
import { validateProject } from '../validator/index.js';
import type { LocalDefinition } from './local-runner.js';

/** What a local run uses, and the lines that tell the user so. */
export interface LocalEnvironment {
  models: ModelRouter;
  quantConnect: QuantConnect;
  local: LocalDefinition;
  describe(): string[];
}

const VENDOR_KEYS = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'MISTRAL_API_KEY', 'DEEPSEEK_API_KEY'] as const;
const QUANTCONNECT_KEYS = ['QC_USER_ID', 'QC_API_TOKEN'] as const;

/**
 * Synthesizes the CDK stack in-process (no bundling) and resolves its state machine to plain ASL:
 * the local runner executes exactly what `cdk deploy` ships.
 */
export function loadLocalDefinition(): LocalDefinition {
  const resolved = resolveDefinition(synthesizeTemplate());
  return { definition: resolved.definition, stageByState: resolved.stageByState };
}

/** The local composition root: the offline model and the QuantConnect emulator, with no keys and no network. */
export function createLocalEnvironment(environment: NodeJS.ProcessEnv = process.env): LocalEnvironment {
  const offline = createOfflineModel();
  const quantConnect = createInProcessEmulator({ compileCheck: (files) => validateProject(files) });
  const local = loadLocalDefinition();
  return {
    models: () => offline,
    quantConnect,
    local,
    describe() {
      const setKeys = VENDOR_KEYS.filter((name) => environment[name]?.trim());
      const setQuantConnect = QUANTCONNECT_KEYS.filter((name) => environment[name]?.trim());
      return [
        setKeys.length === 0
          ? 'Offline: no model vendor key is set, so the deterministic offline model writes the code.'
          : `${setKeys.join(', ')} ${setKeys.length === 1 ? 'is' : 'are'} set, but vendor models are not wired in yet: the offline model writes the code.`,
        setQuantConnect.length === 0
          ? 'QuantConnect: the local emulator (no QC_USER_ID / QC_API_TOKEN); its backtests are emulated, not market results.'
          : 'QuantConnect credentials are set, but the REST client is not wired in yet: the local emulator runs the backtest.',
        `State machine: ${Object.keys(local.definition.States).length} top-level states from the QuantCoder CDK stack, run in-process.`,
      ];
    },
  };
}
