import type { TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ModelRequest } from '../model.js';
import { type OutputSchema, outputSchemaOf } from './output-schema.js';

/** The Messages API takes at most four cache_control breakpoints per request. */
export const MAX_CACHE_BREAKPOINTS = 4;

/**
 * Each shared block is its own system block with a cache breakpoint, most stable first, so a request
 * reuses the longest prefix an earlier one cached (conventions for every run, the contract within a run);
 * the role's own instructions follow, outside the cache. Past four blocks, the middle ones go unmarked.
 */
export function anthropicSystem(request: ModelRequest<unknown>): TextBlockParam[] {
  const shared = request.sharedContext.filter((block) => block.trim().length > 0);
  const blocks = shared.map((text, index): TextBlockParam => {
    const marked = index < MAX_CACHE_BREAKPOINTS - 1 || index === shared.length - 1;
    return marked ? { type: 'text', text, cache_control: { type: 'ephemeral' } } : { type: 'text', text };
  });
  if (request.system.trim().length > 0) blocks.push({ type: 'text', text: request.system });
  return blocks;
}

/** A structured output as a tool; a function of the schema only, so the cached prefix stays equal. */
export function answerTool(schema: OutputSchema): Tool {
  return {
    name: schema.name,
    description: `Return your answer as the ${schema.name} object.`,
    input_schema: { ...schema.plain, type: 'object' },
  };
}

/**
 * The tools of a request: its whole toolset in order, so every role sends the same tools and the prefix
 * after them can be shared, with the request's own output in its place (appended when the toolset lacks
 * it). Without a toolset, only the request's output. The caller forces the request's tool with tool_choice:
 * Anthropic's prompt-caching docs ("What invalidates the cache") say tool_choice changes only affect
 * message blocks, so the tools and system prefix stay cached across roles.
 */
export function anthropicTools(request: ModelRequest<unknown>, schema: OutputSchema): Tool[] {
  const tools: Tool[] = [];
  let included = false;
  for (const entry of request.toolset ?? []) {
    const entrySchema = outputSchemaOf(entry.schema, entry.name);
    if (tools.some((tool) => tool.name === entrySchema.name)) continue;
    const own = entrySchema.name === schema.name;
    included ||= own;
    // The request's own schema is what its answer is checked against, so it wins over a namesake.
    tools.push(answerTool(own ? schema : entrySchema));
  }
  if (!included) tools.push(answerTool(schema));
  return tools;
}
