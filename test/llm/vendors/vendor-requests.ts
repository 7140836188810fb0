import { AGENT_TOOLSET } from '../../../functions/agents/agent-outputs.js';
import { type Plan, PlanDraft } from '../../../functions/agents/plan.js';
import { renderSharedContext } from '../../../functions/agents/shared-context.js';
import { type AgentTask, GeneratedFile } from '../../../functions/agents/tasks.js';
import { type ModelRequest, sharedContextText } from '../../../functions/llm/model.js';
import type { Provider, VendorSettings } from '../../../functions/llm/vendors/index.js';
import { momentumTopVolume } from '../../fixtures/plans.js';
import { modelRequest } from '../model-requests.js';

const PLAN: Plan = momentumTopVolume;
const ALPHA_CONTRACT = PLAN.contract.files.find((file) => file.owner === 'alpha');
if (!ALPHA_CONTRACT) throw new Error('the momentum fixture has an alpha contract');

const ALPHA_TASK: AgentTask = { kind: 'component', owner: 'alpha', plan: PLAN, contract: ALPHA_CONTRACT };

/** The real shared context of a run with a plan: LEAN conventions and the contract, well over 1024 tokens. */
export const SHARED_CONTEXT = renderSharedContext(PLAN);

/** The shared context as the chat vendors send it: one text. */
export const SHARED_CONTEXT_TEXT = sharedContextText(SHARED_CONTEXT);

/** A valid answer to a file request. */
export const FILE_ANSWER: GeneratedFile = {
  className: 'MomentumAlphaModel',
  code: 'class MomentumAlphaModel(AlphaModel):\n    pass\n',
  notes: 'Scripted by the fake vendor.',
};

/** A request for alpha.py, as the alpha agent sends it: the run's real shared context and the agents' toolset. */
export function fileRequest(extra: Partial<ModelRequest<GeneratedFile>> = {}): ModelRequest<GeneratedFile> {
  return modelRequest('alpha', ALPHA_TASK, GeneratedFile, {
    system: "You are QuantCoder's alpha agent. You write alpha.py.",
    sharedContext: SHARED_CONTEXT,
    messages: [{ role: 'user', content: 'Write alpha.py.' }],
    schemaName: 'GeneratedFile',
    toolset: AGENT_TOOLSET,
    maxOutputTokens: 6000,
    ...extra,
  });
}

/** A coordinator request for a plan draft: a large schema with nullable and optional fields. */
export function planRequest(): ModelRequest<PlanDraft> {
  return modelRequest('coordinator', ALPHA_TASK, PlanDraft, {
    system: "You are QuantCoder's coordinator.",
    sharedContext: renderSharedContext(),
    messages: [{ role: 'user', content: 'Momentum on liquid US stocks.' }],
    schemaName: 'PlanDraft',
    toolset: AGENT_TOOLSET,
  });
}

/** The plan fixture without its contract: a valid PlanDraft. */
export function planDraftAnswer(): PlanDraft {
  const { contract: _contract, ...draft } = PLAN;
  return draft;
}

/** Settings for a fake vendor: a placeholder key, quick timeouts, two retries. */
export function fakeSettings(
  provider: Provider,
  baseURL: string,
  extra: Partial<VendorSettings> = {},
): VendorSettings {
  return { provider, apiKey: 'test-key-not-secret', baseURL, timeoutMs: 5_000, maxRetries: 2, ...extra };
}

/** The error a call fails with; a call that succeeds, or rejects with a non-Error, fails the test. */
export async function failureOf(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`The call rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('The call succeeded; a failure was expected.');
}
