/**
 * Regenerates lean-api-extract.json from the LEAN Python API catalog:
 *   npx tsx test/llm/offline/lean-writer/extract-lean-api.ts <path to catalog.json>
 * It writes every fixture project with the offline LEAN writer, collects the names the code uses, and keeps
 * the catalog's facts about exactly those names. Run it when the writer starts naming something new.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { writeLeanProject } from '../../../../functions/llm/offline/lean-writer/index.js';
import { PLAN_FIXTURES } from '../../../fixtures/plans.js';
import { EXTRACT_PATH, type ExtractMember, type LeanApiExtract } from './lean-api-extract.js';
import { pythonFacts, removeTemporaryProjects, writeProjectToTemp } from './python-project.js';

const CatalogMember = z.object({
  kind: z.string(),
  static: z.boolean().optional(),
  py: z.union([z.string(), z.array(z.string())]).optional(),
  arity: z.tuple([z.number(), z.number().nullable()]).optional(),
  params: z.array(z.string()).optional(),
});
const CatalogType = z.object({
  base: z.string().optional(),
  ctors: z.array(z.object({ arity: z.tuple([z.number(), z.number().nullable()]) })).optional(),
  interfaces: z.array(z.string()).optional(),
  members: z.record(z.string(), CatalogMember),
});
const Catalog = z.object({
  lean_commit: z.string(),
  algorithm_imports: z.object({ python_names: z.record(z.string(), z.string()) }),
  globals: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  param_snake: z.record(z.string(), z.string()),
  types: z.record(z.string(), CatalogType),
});
type Catalog = z.infer<typeof Catalog>;

function memberSet(
  catalog: Catalog,
  key: string,
  seen = new Set<string>(),
): Map<string, z.infer<typeof CatalogMember>> {
  const members = new Map<string, z.infer<typeof CatalogMember>>();
  const type = catalog.types[key];
  if (!type || seen.has(key)) return members;
  seen.add(key);
  for (const [name, member] of Object.entries(type.members)) members.set(name, member);
  for (const parent of [type.base, ...(type.interfaces ?? [])]) {
    if (!parent) continue;
    for (const [name, member] of memberSet(catalog, parent, seen))
      if (!members.has(name)) members.set(name, member);
  }
  return members;
}

function typeMembers(catalog: Catalog, simpleName: string): Record<string, ExtractMember> {
  const keys = catalog.globals[simpleName];
  const result: Record<string, ExtractMember> = {};
  for (const key of Array.isArray(keys) ? keys : keys ? [keys] : []) {
    for (const [name, member] of memberSet(catalog, key)) {
      if (member.kind === 'nested_type') continue;
      const aliases = member.py === undefined ? [] : Array.isArray(member.py) ? member.py : [member.py];
      const facts: ExtractMember = {
        static: member.static === true,
        kind: member.kind,
        ...(member.arity ? { arity: member.arity } : {}),
        ...(member.params
          ? { params: member.params.map((param) => catalog.param_snake[param] ?? param) }
          : {}),
      };
      for (const alias of [name, ...aliases]) result[alias] = facts;
    }
  }
  return result;
}

function main(): void {
  const catalogPath = process.argv[2];
  if (!catalogPath) throw new Error('usage: extract-lean-api.ts <path to catalog.json>');
  const catalog = Catalog.parse(JSON.parse(readFileSync(catalogPath, 'utf8')));
  const typeNames = new Set<string>(['QCAlgorithm']);
  const attributes = new Set<string>();
  for (const [name, plan] of Object.entries(PLAN_FIXTURES)) {
    const facts = pythonFacts(writeProjectToTemp(name, writeLeanProject(plan)));
    for (const file of Object.values(facts)) {
      for (const starName of file.star_names) if (catalog.globals[starName]) typeNames.add(starName);
      for (const attribute of file.attributes) attributes.add(attribute);
    }
  }
  const types: LeanApiExtract['types'] = {};
  for (const typeName of [...typeNames].sort()) types[typeName] = typeMembers(catalog, typeName);
  const constructors: LeanApiExtract['constructors'] = {};
  for (const typeName of Object.keys(types)) {
    const keys = catalog.globals[typeName];
    const overloads = (Array.isArray(keys) ? keys : keys ? [keys] : []).flatMap((key) => {
      const ctors = catalog.types[key]?.ctors;
      // A class without declared constructors has C#'s implicit parameterless one.
      return ctors ? ctors.map((ctor) => ctor.arity) : [[0, 0] as [number, number]];
    });
    constructors[typeName] = overloads;
  }
  const attributeOwners: LeanApiExtract['attributeOwners'] = {};
  const globalNames = Object.keys(catalog.globals).sort();
  for (const attribute of [...attributes].sort()) {
    const owners = globalNames.filter((typeName) => typeMembers(catalog, typeName)[attribute] !== undefined);
    if (owners.length > 0) attributeOwners[attribute] = owners.slice(0, 5);
  }
  const extract: LeanApiExtract = {
    leanCommit: catalog.lean_commit,
    pythonNames: Object.keys(catalog.algorithm_imports.python_names).sort(),
    types,
    constructors,
    attributeOwners,
  };
  writeFileSync(EXTRACT_PATH, `${JSON.stringify(extract)}\n`);
  removeTemporaryProjects();
}

main();
