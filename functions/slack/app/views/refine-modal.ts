import type { types } from '@slack/bolt';
import { type RunButtonValue, VIEW_IDS } from '../../interactions.js';
import type { ViewValues } from '../payloads.js';
import { MAX_IDEA_CHARACTERS } from '../slack-run-request.js';

/** Block id of the refine modal's one input. */
export const REFINE_BLOCKS = { instruction: 'instruction' } as const;
const INPUT_ACTION_ID = 'value';

export type RefineForm = { ok: true; instruction: string } | { ok: false; errors: Record<string, string> };

/** The "Refine" modal for one run: one multiline instruction. */
export function refineModal(run: RunButtonValue): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_IDS.refine,
    private_metadata: JSON.stringify(run),
    title: { type: 'plain_text', text: 'Refine the strategy' },
    submit: { type: 'plain_text', text: 'Refine' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REFINE_BLOCKS.instruction,
        label: { type: 'plain_text', text: `What should change in run ${run.runId}?` },
        element: {
          type: 'plain_text_input',
          action_id: INPUT_ACTION_ID,
          multiline: true,
          max_length: MAX_IDEA_CHARACTERS,
          placeholder: { type: 'plain_text', text: 'make it long-only; add a 5% stop' },
        },
      },
    ],
  };
}

/** Checks a submitted refine form: an instruction that is not blank and within the idea's limit. */
export function readRefineForm(values: ViewValues): RefineForm {
  const instruction = (values[REFINE_BLOCKS.instruction]?.[INPUT_ACTION_ID]?.value ?? '').trim();
  if (instruction === '') {
    return { ok: false, errors: { [REFINE_BLOCKS.instruction]: 'Write what should change.' } };
  }
  if (instruction.length > MAX_IDEA_CHARACTERS) {
    return {
      ok: false,
      errors: {
        [REFINE_BLOCKS.instruction]: `At most ${MAX_IDEA_CHARACTERS} characters; this is ${instruction.length}.`,
      },
    };
  }
  return { ok: true, instruction };
}
