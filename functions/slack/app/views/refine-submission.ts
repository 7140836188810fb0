import type { ListenerDeps, ViewListenerArgs } from '../listener-types.js';
import { REFINE_BLOCKS, readRefineForm } from './refine-modal.js';
import { readSubmission, startFollowUp } from './submission.js';

/** The refine modal's submission: starts a refine follow-up of the run, reported in the same thread. */
export function refineSubmission(deps: ListenerDeps) {
  return async ({ body, ack }: ViewListenerArgs): Promise<void> => {
    const submission = readSubmission(body);
    const form = readRefineForm(submission.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const answer = await startFollowUp(deps, submission, {
      trigger: 'refine',
      errorBlockId: REFINE_BLOCKS.instruction,
      idea: () => form.instruction,
      followUp: (run) => ({ kind: 'refine', runId: run.runId }),
    });
    return ack(answer);
  };
}
