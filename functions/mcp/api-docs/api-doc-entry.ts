import { z } from 'zod';
import { displayName } from '../../validator/api/messages.js';
import type { CatalogMember, CatalogOverload, CatalogType } from '../../validator/catalog/catalog-schema.js';
import type { LeanCatalog } from '../../validator/catalog/lean-catalog.js';
import type { MemberIndex, ResolvedMember } from '../../validator/catalog/member-index.js';

export const ApiParameter = z.object({
  name: z.string().describe('The C# (camelCase) name, for PascalCase calls'),
  pythonName: z.string().describe('The snake_case name, for snake_case calls'),
});

export const ApiOverload = z.object({
  signature: z.string().describe('The snake_case call; `=…` marks optional parameters, `*` a params list'),
  csharpSignature: z.string().describe('The same call in the PascalCase form'),
  parameters: z.array(ApiParameter),
  arity: z.object({
    min: z.number().int().describe('Positional arguments required'),
    max: z.number().int().nullable().describe('Positional arguments accepted; null: any number'),
  }),
  returns: z.string().optional(),
  obsolete: z.boolean(),
  static: z.boolean().optional(),
});
export type ApiOverload = z.infer<typeof ApiOverload>;

const TYPE_KINDS = ['class', 'struct', 'interface', 'enum', 'delegate'] as const;
const MEMBER_KINDS = [
  'method',
  'property',
  'field',
  'event',
  'enum_member',
  'nested_type',
  'external',
] as const;

/** One LEAN type or member, as an assistant needs it to write a correct call. */
export const ApiDocEntry = z.object({
  kind: z.enum([...TYPE_KINDS, ...MEMBER_KINDS]),
  name: z.string().describe('The C# (PascalCase) name; Python accepts it too'),
  pythonName: z
    .string()
    .optional()
    .describe('The snake_case (or UPPER_CASE) name pythonnet binds; absent when only the C# name exists'),
  typeKey: z.string().describe('The full key of the type, or of the type that declares the member'),
  declaringType: z.string().optional().describe('The type that declares the member, as Python code names it'),
  static: z.boolean().optional(),
  readonly: z.boolean().optional(),
  obsolete: z.boolean(),
  returns: z.string().optional().describe("A property's or field's type"),
  overloads: z.array(ApiOverload).optional().describe("A method's overloads"),
  constructors: z.array(ApiOverload).optional().describe("A type's constructors"),
  base: z.string().optional(),
  members: z
    .object({ total: z.number().int(), names: z.array(z.string()) })
    .optional()
    .describe("A type's members as Python code names them (ask for Type.member for one of them)"),
  note: z.string().optional(),
});
export type ApiDocEntry = z.infer<typeof ApiDocEntry>;

/** Members listed by name on a type entry; a type such as QCAlgorithm has hundreds. */
const MAX_MEMBER_NAMES = 150;

/** The entry for a type: kind, base, constructors and its member names. */
export function typeEntry(catalog: LeanCatalog, key: string, type: CatalogType): ApiDocEntry {
  const index = catalog.members(key);
  const names = index ? memberNames(index) : [];
  const constructors = constructorsOf(type).map((overload) =>
    overloadEntry(catalog, displayName(key), displayName(key), overload),
  );
  return {
    kind: type.kind,
    name: displayName(key),
    typeKey: key,
    ...(type.static ? { static: true } : {}),
    obsolete: type.obsolete ?? false,
    ...(type.base ? { base: type.base.replace(/^external:/, '') } : {}),
    ...(constructors.length > 0 ? { constructors: dedupe(constructors) } : {}),
    members: { total: names.length, names: names.slice(0, MAX_MEMBER_NAMES) },
  };
}

/** The entry for a member found on a type (its overloads merged over the hierarchy, as Python sees them). */
export function memberEntry(catalog: LeanCatalog, resolved: ResolvedMember, note?: string): ApiDocEntry {
  const { member } = resolved;
  const pythonName = resolved.aliases[0];
  const overloads = (member.overloads ?? []).map((overload) =>
    overloadEntry(catalog, pythonName ?? resolved.name, resolved.name, overload),
  );
  const returns = member.type_key ?? (typeof member.type === 'string' ? member.type : undefined);
  return {
    kind: member.kind,
    name: resolved.name,
    ...(pythonName ? { pythonName } : {}),
    typeKey: resolved.owner,
    declaringType: displayName(resolved.owner),
    ...(member.static ? { static: true } : {}),
    ...(member.readonly || member.const ? { readonly: true } : {}),
    obsolete: isObsolete(member),
    ...(returns ? { returns: displayName(returns) } : {}),
    ...(overloads.length > 0 ? { overloads: dedupe(overloads) } : {}),
    ...(note ? { note } : {}),
  };
}

function isObsolete(member: CatalogMember): boolean {
  if (member.obsolete) return true;
  const overloads = member.overloads ?? [];
  return overloads.length > 0 && overloads.every((overload) => overload.obsolete === true);
}

function overloadEntry(
  catalog: LeanCatalog,
  pythonName: string,
  csharpName: string,
  overload: Pick<CatalogOverload, 'params' | 'arity'> & Partial<CatalogOverload>,
): ApiOverload {
  const parameters = overload.params.map((name) => ({ name, pythonName: catalog.snakeParameter(name) }));
  const [min, max] = overload.arity;
  const generic = overload.generic
    ? `[${Array.from({ length: overload.generic }, (_, index) => `T${index + 1}`).join(', ')}]`
    : '';
  return {
    signature: callText(
      `${pythonName}${generic}`,
      parameters.map((parameter) => parameter.pythonName),
      min,
      max,
    ),
    csharpSignature: callText(`${csharpName}${generic}`, overload.params, min, max),
    parameters,
    arity: { min, max },
    ...(overload.returns_key ? { returns: displayName(overload.returns_key) } : {}),
    obsolete: overload.obsolete ?? false,
    ...(overload.static ? { static: true } : {}),
  };
}

/** `name(a, b, c=…)`, with `*rest` for a params list (no maximum). */
function callText(name: string, parameters: readonly string[], min: number, max: number | null): string {
  const listed = parameters.map((parameter, index) => {
    if (max === null && index === parameters.length - 1) return `*${parameter}`;
    return index < min ? parameter : `${parameter}=…`;
  });
  return `${name}(${listed.join(', ')})`;
}

/** C# overloads that differ only in parameter types look the same from Python: one is enough. */
function dedupe(overloads: ApiOverload[]): ApiOverload[] {
  const seen = new Set<string>();
  return overloads.filter((overload) => {
    const key = `${overload.signature}|${overload.returns ?? ''}|${overload.static ?? false}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function constructorsOf(type: CatalogType): Array<Pick<CatalogOverload, 'params' | 'arity'>> {
  if (type.ctors) return type.ctors;
  if (type.static || type.abstract || (type.kind !== 'class' && type.kind !== 'struct')) return [];
  return [{ params: [], arity: [0, 0] }];
}

/** The names Python code uses for a type's members (snake_case where bound), without object's own. */
function memberNames(index: MemberIndex): string[] {
  const names = new Set<string>();
  for (const spelling of index.names()) {
    const resolved = index.lookup(spelling);
    if (!resolved || resolved.owner === 'object' || resolved.member.kind === 'external') continue;
    names.add(resolved.aliases[0] ?? resolved.name);
  }
  return [...names].sort();
}
