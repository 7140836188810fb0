import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AGENT_TOOLSET } from '../../../functions/agents/agent-outputs.js';
import {
  anthropicSystem,
  anthropicTools,
  MAX_CACHE_BREAKPOINTS,
} from '../../../functions/llm/vendors/anthropic-prompt.js';
import { outputSchemaFor } from '../../../functions/llm/vendors/output-schema.js';
import { fileRequest, planRequest } from './vendor-requests.js';

const MARKER = { type: 'ephemeral' };

describe('Anthropic prompt', () => {
  it('marks each shared block, stops at four breakpoints and keeps the last block marked', () => {
    // Prepare
    const request = fileRequest({ sharedContext: ['one', 'two', 'three', 'four', 'five', 'six'] });
    // Act
    const system = anthropicSystem(request);
    // Assess
    expect(system.map((block) => [block.text, block.cache_control ?? null])).toEqual([
      ['one', MARKER],
      ['two', MARKER],
      ['three', MARKER],
      ['four', null],
      ['five', null],
      ['six', MARKER],
      ["You are QuantCoder's alpha agent. You write alpha.py.", null],
    ]);
    expect(system.filter((block) => block.cache_control).length).toBe(MAX_CACHE_BREAKPOINTS);
  });

  it('builds the same tools, in the toolset’s order, whichever output the request asks for', () => {
    // Prepare
    const plan = planRequest();
    const file = fileRequest();
    // Act
    const planTools = anthropicTools(plan, outputSchemaFor(plan));
    const fileTools = anthropicTools(file, outputSchemaFor(file));
    // Assess
    expect(planTools.map((tool) => tool.name)).toEqual(AGENT_TOOLSET.map((entry) => entry.name));
    expect(JSON.stringify(fileTools)).toBe(JSON.stringify(planTools));
  });

  it('appends the request’s output when the toolset lacks it, and sends a name once', () => {
    // Prepare
    const Scores = z.object({ scores: z.array(z.number()) });
    const first = AGENT_TOOLSET[0];
    if (!first) throw new Error('the toolset is empty');
    const request = fileRequest({ toolset: [...AGENT_TOOLSET, first] });
    const scores = { ...request, schema: Scores, schemaName: 'Scores' };
    // Act
    const tools = anthropicTools(scores, outputSchemaFor(scores));
    // Assess
    expect(tools.map((tool) => tool.name)).toEqual([
      'PlanDraft',
      'GeneratedFile',
      'IntegrationRepair',
      'Scores',
    ]);
    expect(tools[3]?.input_schema).toMatchObject({ required: ['scores'] });
  });

  it('uses the request’s own schema for its tool when a toolset entry of that name differs', () => {
    // Prepare
    const Narrow = z.object({ className: z.string() });
    const request = { ...fileRequest(), schema: Narrow };
    // Act
    const tools = anthropicTools(request, outputSchemaFor(request));
    // Assess
    expect(tools.map((tool) => tool.name)).toEqual(['PlanDraft', 'GeneratedFile', 'IntegrationRepair']);
    expect(tools[1]?.input_schema).toMatchObject({ required: ['className'] });
  });
});
