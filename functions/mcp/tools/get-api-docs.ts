import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { loadLeanCatalog } from '../../validator/catalog/lean-catalog.js';
import { type ApiDocEntry, ApiDocEntry as ApiDocEntrySchema } from '../api-docs/api-doc-entry.js';
import { lookUpApiDocs } from '../api-docs/look-up-api-docs.js';
import type { McpToolContext } from '../tool-context.js';
import { runTool, toolError, toolResult } from '../tool-result.js';

export const GetApiDocsInput = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(
      'A LEAN type (SimpleMovingAverage, Resolution), a member of one (QCAlgorithm.set_holdings, self.history, Resolution.DAILY), a member name (add_equity) or a few words (moving average)',
    ),
  limit: z.number().int().min(1).max(50).default(10).describe('Most entries to return'),
});
export type GetApiDocsInput = z.infer<typeof GetApiDocsInput>;

export const GetApiDocsOutput = z.object({
  query: z.string(),
  leanCommit: z.string().describe('The LEAN commit the catalog describes'),
  matches: z.array(ApiDocEntrySchema),
  total: z.number().int().describe('Matches found; `matches` holds the first `limit`'),
  note: z.string().optional(),
});
export type GetApiDocsOutput = z.infer<typeof GetApiDocsOutput>;

const DESCRIPTION = [
  "Looks up QuantConnect's LEAN API (Python) in QuantCoder's catalog, offline: types, their constructors and",
  'members; methods with every overload (parameters in both naming forms, how many positional arguments they',
  'take, what they return); properties, fields and enum members; obsolete flags. Each name comes in both forms',
  'Python accepts (snake_case such as set_holdings, and the C# PascalCase SetHoldings). Use it before writing a',
  'call you are unsure of. Nothing found: the answer is an error with the closest names.',
].join(' ');

/** Registers `get_api_docs`. */
export function registerGetApiDocsTool(server: McpServer, context: McpToolContext): void {
  server.registerTool(
    'get_api_docs',
    {
      title: 'Look up the LEAN API',
      description: DESCRIPTION,
      inputSchema: GetApiDocsInput,
      outputSchema: GetApiDocsOutput,
      annotations: {
        title: 'Look up the LEAN API',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    (input) => runTool('get_api_docs', context, async () => getApiDocs(input)),
  );
}

function getApiDocs(input: GetApiDocsInput): CallToolResult {
  const catalog = loadLeanCatalog();
  const answer = lookUpApiDocs(catalog, input.query, input.limit);
  if (answer.matches.length === 0) {
    const suggestions =
      answer.didYouMean.length > 0
        ? ` Did you mean ${answer.didYouMean.map((name) => `'${name}'`).join(', ')}?`
        : '';
    return toolError(
      `Nothing in the LEAN API matches '${input.query}'.${answer.note ? ` ${answer.note}` : ''}${suggestions} Ask for a type, Type.member, a member name or a few words.`,
    );
  }
  const output: GetApiDocsOutput = {
    query: input.query,
    leanCommit: catalog.leanCommit,
    matches: answer.matches,
    total: answer.total,
    ...(answer.note ? { note: answer.note } : {}),
  };
  const more =
    answer.total > answer.matches.length
      ? `\n(${answer.total - answer.matches.length} more: raise limit or ask more precisely)`
      : '';
  return toolResult(`${answer.matches.map(entryText).join('\n\n')}${more}`, output);
}

/** An entry as an assistant reads it: what it is, how to call it, what it gives back. */
function entryText(entry: ApiDocEntry): string {
  const owner = entry.declaringType ? `${entry.declaringType}.` : '';
  const forms =
    entry.pythonName && entry.pythonName !== entry.name ? `${entry.pythonName} / ${entry.name}` : entry.name;
  const flags = [
    entry.static ? 'static' : '',
    entry.readonly ? 'read-only' : '',
    entry.obsolete ? 'OBSOLETE' : '',
  ]
    .filter((flag) => flag !== '')
    .join(', ');
  const lines = [
    `${entry.kind} ${owner}${forms}${flags ? ` (${flags})` : ''}${entry.returns ? `: ${entry.returns}` : ''}`,
  ];
  if (entry.note) lines.push(`  ${entry.note}`);
  if (entry.base) lines.push(`  base: ${entry.base}`);
  for (const overload of entry.constructors ?? []) lines.push(`  ${overload.signature}`);
  for (const overload of entry.overloads ?? []) {
    const returns = overload.returns ? ` -> ${overload.returns}` : '';
    lines.push(`  ${overload.signature}${returns}${overload.obsolete ? ' (obsolete)' : ''}`);
  }
  if (entry.members && entry.members.total > 0) {
    const shown = entry.members.names.join(', ');
    const rest = entry.members.total - entry.members.names.length;
    lines.push(`  members: ${shown}${rest > 0 ? `, and ${rest} more` : ''}`);
  }
  return lines.join('\n');
}
