#!/usr/bin/env node
/*
 * Derives the validator's compact LEAN API catalog from the full one (shared/qc-api/catalog.json): keeps only
 * what the API rules read (names, kinds, snake_case aliases, arities, parameter names, type keys, flags) and
 * writes it gzipped next to the module that loads it. Run it again whenever the shared catalog is regenerated:
 *
 *   node scripts/import-lean-catalog.mjs [path/to/catalog.json] [output.json.gz]
 *
 * The defaults are ../shared/qc-api/catalog.json (relative to the repository root) and
 * functions/validator/catalog/lean-catalog.txt.gz. The output is deterministic for a given input.
 *
 * Layout (UTF-8 text, gzipped): the first line is a JSON object with everything but the types; every further
 * line is one type, `<type key>\t<type as JSON>`, so that the loader can index the lines at once and parse a
 * type only when a rule first asks for it (a validation touches a few dozen of the ~2,900 types).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bumped when the derived layout changes; the loader rejects any other value. */
const FORMAT = 1;

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const inputPath = resolve(process.argv[2] ?? resolve(repositoryRoot, '../shared/qc-api/catalog.json'));
const outputPath = resolve(
  process.argv[3] ?? resolve(repositoryRoot, 'functions/validator/catalog/lean-catalog.txt.gz'),
);

const catalog = JSON.parse(readFileSync(inputPath, 'utf8'));
if (typeof catalog.lean_commit !== 'string' || typeof catalog.types !== 'object') {
  throw new Error(`${inputPath} is not a LEAN API catalog (no lean_commit or types)`);
}

/*
 * The catalog records a generic base without its type arguments (`IndicatorBase : WindowBase<IndicatorDataPoint>`
 * is stored as base WindowBase`1), so members typed by the base's type parameter (`Current`, the indexer) lose
 * their type. These are the type arguments of the bases generated code reaches through (LEAN
 * Indicators/IndicatorBase.cs); their parameter-typed members are copied into the derived type, typed.
 */
const GENERIC_BASE_ARGUMENTS = {
  'QuantConnect.Indicators.IndicatorBase': {
    'QuantConnect.Indicators.WindowBase`1': ['QuantConnect.Indicators.IndicatorDataPoint'],
  },
};

/** A C# type that is a bare type parameter (`T`, `TValue`): what a generic base's arguments replace. */
function isTypeParameter(typeName) {
  return (
    typeof typeName === 'string' && /^T[A-Za-z]*$/.test(typeName) && catalog.globals[typeName] === undefined
  );
}

/** Copies a type's generic-base members typed by the (single) type parameter, with the argument's key. */
function specializeGenericBases(key, compact) {
  const bases = GENERIC_BASE_ARGUMENTS[key] ?? {};
  for (const [baseKey, [argumentKey]] of Object.entries(bases)) {
    const base = catalog.types[baseKey];
    if (base === undefined || catalog.types[argumentKey] === undefined) {
      throw new Error(`${key}: generic base ${baseKey} or its argument ${argumentKey} is not in the catalog`);
    }
    for (const [name, member] of Object.entries(base.members ?? {})) {
      if (compact.members[name] !== undefined || !isTypeParameter(member.type)) continue;
      compact.members[name] = { ...compactMember(member), type_key: argumentKey };
    }
    if (
      compact.indexers === undefined &&
      base.indexers?.some((indexer) => isTypeParameter(indexer.returns))
    ) {
      compact.indexers = [argumentKey];
    }
  }
  return compact;
}

/** pythonnet's Util.ToSnakeCase for the few members the catalog lists without aliases (object members). */
function toSnakeCase(name) {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([A-Za-z])([0-9])/g, '$1_$2');
  return words.toLowerCase();
}

/** A simple C# type name (`Slice`, `QCAlgorithm`, `Resolution?`) as a type key, or null. */
function typeKeyOfName(typeName) {
  const name = typeName.replace(/\?$/, '');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return null;
  const global = catalog.globals[name];
  if (typeof global === 'string') return global;
  return null;
}

function withFlags(target, source, flags) {
  for (const flag of flags) if (source[flag] === true) target[flag] = true;
  return target;
}

function compactOverload(overload, isVirtual) {
  const compact = { params: overload.params, arity: overload.arity };
  if (overload.generic) compact.generic = overload.generic;
  if (overload.returns_key) compact.returns_key = overload.returns_key;
  withFlags(compact, overload, ['obsolete', 'static', 'extension']);
  // Hook parameters (AlphaModel.Update's algorithm and data) are typed for the overriding Python method.
  if (isVirtual) {
    const keys = overload.types.map(typeKeyOfName);
    if (keys.some((key) => key !== null)) compact.param_keys = keys;
  }
  return compact;
}

function compactMember(member) {
  const compact = { kind: member.kind };
  withFlags(compact, member, ['static', 'readonly', 'const', 'writeonly', 'obsolete', 'virtual']);
  if (member.py !== undefined) compact.py = member.py;
  if (member.type_key) compact.type_key = member.type_key;
  if (member.kind === 'nested_type') compact.type = member.type;
  if (member.overloads) {
    compact.overloads = member.overloads.map((overload) =>
      compactOverload(overload, member.virtual === true),
    );
  }
  return compact;
}

function compactType(type) {
  const compact = { name: type.name, kind: type.kind };
  if (type.generic) compact.generic = type.generic;
  withFlags(compact, type, ['static', 'abstract', 'obsolete', 'open', 'dynamic']);
  if (type.base) compact.base = type.base;
  if (type.interfaces?.length) compact.interfaces = type.interfaces;
  if (type.external_bases?.length) compact.external_bases = type.external_bases;
  if (type.ctors) compact.ctors = type.ctors.map((ctor) => ({ params: ctor.params, arity: ctor.arity }));
  if (type.indexers?.length) compact.indexers = type.indexers.map((indexer) => indexer.returns_key ?? null);
  compact.members = Object.fromEntries(
    Object.entries(type.members ?? {}).map(([name, member]) => [name, compactMember(member)]),
  );
  return compact;
}

/** Members every type has, or every type with a given System base, with the aliases pythonnet derives. */
function externalMember(name) {
  const alias = toSnakeCase(name);
  return alias === name ? { kind: 'external' } : { kind: 'external', py: alias };
}

function compactPythonModules(modules) {
  return Object.fromEntries(
    Object.entries(modules).map(([module, content]) => [
      module,
      Object.fromEntries(
        Object.entries(content.classes ?? {}).map(([name, pythonClass]) => [
          name,
          { bases: pythonClass.bases, members: Object.keys(pythonClass.members ?? {}) },
        ]),
      ),
    ]),
  );
}

const header = {
  format: FORMAT,
  lean_commit: catalog.lean_commit,
  lean_commit_date: catalog.lean_commit_date,
  pythonnet_version: catalog.pythonnet_version,
  python_names: Object.keys(catalog.algorithm_imports.python_names).filter((name) => !name.startsWith('*')),
  assign_aliases: catalog.algorithm_imports.assign_aliases,
  globals: catalog.globals,
  object_members: Object.fromEntries(catalog.object_members.map((name) => [name, externalMember(name)])),
  external_members: Object.fromEntries(
    Object.entries(catalog.external_members).map(([type, names]) => [
      type,
      Object.fromEntries(names.map((name) => [name, externalMember(name)])),
    ]),
  ),
  param_snake: catalog.param_snake,
  python_modules: compactPythonModules(catalog.python_modules ?? {}),
};

const typeLines = Object.keys(catalog.types)
  .sort()
  .map((key) => {
    if (/[\t\n]/.test(key)) throw new Error(`type key ${JSON.stringify(key)} holds a tab or a newline`);
    return `${key}\t${JSON.stringify(specializeGenericBases(key, compactType(catalog.types[key])))}`;
  });
const text = `${[JSON.stringify(header), ...typeLines].join('\n')}\n`;
const gzipped = gzipSync(text, { level: 9 });
writeFileSync(outputPath, gzipped);
process.stdout.write(
  `${outputPath}: LEAN ${header.lean_commit.slice(0, 8)}, ${typeLines.length} types, ` +
    `${text.length} characters of text, ${gzipped.length} bytes gzipped\n`,
);
