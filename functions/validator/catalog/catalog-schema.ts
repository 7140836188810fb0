import { z } from 'zod';

/*
 * The layout of lean-catalog.txt.gz, which scripts/import-lean-catalog.mjs derives from the shared LEAN API
 * catalog (see its README for what each field means). Parsed with zod where it enters the process: the
 * header at load, each type when a rule first asks for it.
 */

/** The layout version the loader reads; the import script writes the same number. */
export const CATALOG_FORMAT = 1;

/** `[min, max]` positional arguments; max is null with a `params` array. */
const Arity = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative().nullable()]);

/** One overload of a method, constructor or hook. */
export const CatalogOverload = z.object({
  params: z.array(z.string()),
  arity: Arity,
  /** Number of type arguments of a generic method (`self.history[TradeBar](...)`). */
  generic: z.number().int().positive().optional(),
  returns_key: z.string().optional(),
  obsolete: z.boolean().optional(),
  static: z.boolean().optional(),
  extension: z.boolean().optional(),
  /** For overridable members: the LEAN type of each parameter, null where it is not one. */
  param_keys: z.array(z.string().nullable()).optional(),
});
export type CatalogOverload = z.infer<typeof CatalogOverload>;

/** A member of a type, keyed by its C# name. `external` members come from System types and say no more. */
export const CatalogMember = z.object({
  kind: z.enum(['method', 'property', 'field', 'event', 'enum_member', 'nested_type', 'external']),
  static: z.boolean().optional(),
  /** The snake_case or UPPER_SNAKE alias (two for static readonly delegates); absent when none is bound. */
  py: z.union([z.string(), z.array(z.string())]).optional(),
  type_key: z.string().optional(),
  /** For a nested type: the key of the type (or keys, when generic and non-generic share the name). */
  type: z.union([z.string(), z.array(z.string())]).optional(),
  readonly: z.boolean().optional(),
  const: z.boolean().optional(),
  writeonly: z.boolean().optional(),
  obsolete: z.boolean().optional(),
  virtual: z.boolean().optional(),
  overloads: z.array(CatalogOverload).optional(),
});
export type CatalogMember = z.infer<typeof CatalogMember>;

/** A LEAN type as the validator sees it. */
export const CatalogType = z.object({
  name: z.string(),
  kind: z.enum(['class', 'struct', 'interface', 'enum', 'delegate']),
  generic: z.number().int().positive().optional(),
  static: z.boolean().optional(),
  abstract: z.boolean().optional(),
  obsolete: z.boolean().optional(),
  /** Inherits members from a non-LEAN type that the catalog does not list. */
  open: z.boolean().optional(),
  /** Accepts any attribute name at runtime. */
  dynamic: z.boolean().optional(),
  /** A type key, or `external:Name` for a base outside LEAN. */
  base: z.string().optional(),
  interfaces: z.array(z.string()).optional(),
  external_bases: z.array(z.string()).optional(),
  /** Absent: the implicit parameterless constructor. */
  ctors: z.array(CatalogOverload.pick({ params: true, arity: true })).optional(),
  /** The type `obj[key]` returns, per indexer (null when it is not a LEAN type). */
  indexers: z.array(z.string().nullable()).optional(),
  members: z.record(z.string(), CatalogMember),
});
export type CatalogType = z.infer<typeof CatalogType>;

/** A class of LEAN's own Python modules (`from Alphas.RsiAlphaModel import RsiAlphaModel`). */
const PythonModuleClass = z.object({ bases: z.array(z.string()), members: z.array(z.string()) });

/** The first line of the file: everything but the types. */
export const CatalogHeader = z.object({
  format: z.literal(CATALOG_FORMAT),
  lean_commit: z.string(),
  lean_commit_date: z.string(),
  pythonnet_version: z.string(),
  /** Python names AlgorithmImports binds (np, pd, datetime, ...). */
  python_names: z.array(z.string()),
  /** Names AlgorithmImports binds to a LEAN type (QCAlgorithmFramework = QCAlgorithm). */
  assign_aliases: z.record(z.string(), z.string()),
  /** Simple names `from AlgorithmImports import *` binds, to a type key (or keys). */
  globals: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  object_members: z.record(z.string(), CatalogMember),
  external_members: z.record(z.string(), z.record(z.string(), CatalogMember)),
  /** C# parameter name to its snake_case form, where they differ. */
  param_snake: z.record(z.string(), z.string()),
  python_modules: z.record(z.string(), z.record(z.string(), PythonModuleClass)),
});
export type CatalogHeader = z.infer<typeof CatalogHeader>;
