import { describe, expect, it } from 'vitest';
import type { StageHandler } from '../../functions/handlers/lambda-handler.js';
import { STAGE_IDS } from '../../functions/pipeline/stage-ids.js';
import { STAGES } from '../../functions/pipeline/stages/index.js';

describe('Lambda entries', () => {
  it.each(STAGE_IDS)('functions/handlers/%s.ts runs the %s stage', async (id) => {
    // Act
    const module: { handler: StageHandler } = await import(`../../functions/handlers/${id}.ts`);

    // Assess
    expect(module.handler.stageId).toBe(id);
    expect(module.handler.stage).toBe(STAGES[id]);
  });
});
