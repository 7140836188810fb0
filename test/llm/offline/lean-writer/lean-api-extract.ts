import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The part of the LEAN Python API catalog the writer's output touches: every type it names (with inherited
 * members, their snake_case and UPPER aliases, arities and parameter names), QCAlgorithm in full, and for
 * every attribute name it reads, the catalog types that have it. extract-lean-api.ts makes it from the
 * catalog; a name the catalog lacks never gets in, so checking against the extract is checking the catalog.
 */
export const ExtractMember = z.object({
  static: z.boolean(),
  kind: z.string(),
  arity: z.tuple([z.number(), z.number().nullable()]).optional(),
  params: z.array(z.string()).optional(),
});
export type ExtractMember = z.infer<typeof ExtractMember>;

export const LeanApiExtract = z.object({
  leanCommit: z.string(),
  pythonNames: z.array(z.string()),
  /** Simple type name → member name as Python may write it (C# name and each alias) → facts. */
  types: z.record(z.string(), z.record(z.string(), ExtractMember)),
  /** Simple type name → the [min, max] argument counts of its constructor overloads. */
  constructors: z.record(z.string(), z.array(z.tuple([z.number(), z.number().nullable()]))),
  /** Attribute name → a few catalog types that have it under that name. */
  attributeOwners: z.record(z.string(), z.array(z.string())),
});
export type LeanApiExtract = z.infer<typeof LeanApiExtract>;

export const EXTRACT_PATH = new URL('../../../fixtures/lean-api-extract.json', import.meta.url);

/** Reads and checks the committed extract. */
export function loadLeanApiExtract(): LeanApiExtract {
  return LeanApiExtract.parse(JSON.parse(readFileSync(EXTRACT_PATH, 'utf8')));
}
