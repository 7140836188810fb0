import type { AgentRole } from '../../functions/agents/roles.js';
import type { Model } from '../../functions/llm/model.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import type { LocalDefinition } from '../../functions/local/local-runner.js';
import { answer, type FakeHandler, fault, roleOf } from '../llm/vendors/fakes/index.js';
import { runIdea } from './local-run-harness.js';

/** What each agent role answered, in call order. */
export type RecordedAnswers = Map<string, unknown[]>;

/**
 * Runs the idea once with the offline model and records every structured answer by role: realistic
 * answers (real LEAN code for the real contract) that vendor fakes can then give over the wire.
 */
export async function recordOfflineAnswers(local: LocalDefinition, idea: string): Promise<RecordedAnswers> {
  const offline = createOfflineModel();
  const recorded: RecordedAnswers = new Map();
  const recording: Model = {
    provider: offline.provider,
    modelId: offline.modelId,
    async generate(request) {
      const response = await offline.generate(request);
      recorded.set(request.role, [...(recorded.get(request.role) ?? []), response.output]);
      return response;
    },
  };
  const { report } = await runIdea(local, idea, { models: () => recording });
  if (report.status !== 'succeeded')
    throw new Error(`the recording run failed: ${JSON.stringify(report.failure)}`);
  return recorded;
}

/** A vendor fake handler that answers each role's requests with that role's recorded answers, in order. */
export function replayAnswers(recorded: RecordedAnswers): FakeHandler {
  const served = new Map<string, number>();
  return (request) => {
    const role = roleOf(request);
    const answers = role === undefined ? undefined : recorded.get(role as AgentRole);
    if (role === undefined || answers === undefined || answers.length === 0) {
      return fault('bad-request', { message: `no recorded answer for role ${role ?? '(none named)'}` });
    }
    const index = served.get(role) ?? 0;
    served.set(role, index + 1);
    return answer(answers[Math.min(index, answers.length - 1)]);
  };
}
