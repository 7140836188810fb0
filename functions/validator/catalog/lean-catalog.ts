import { ConfigurationError } from '../../shared/errors.js';
import { LEAN_CATALOG_URL, readCatalogText } from './catalog-file.js';
import { CatalogHeader, CatalogType } from './catalog-schema.js';
import { buildMemberIndex, type MemberIndex } from './member-index.js';

/**
 * The LEAN API catalog, indexed: the header is parsed at load; each type is parsed (and zod-checked) the
 * first time it is asked for, and its member index (both naming forms, the whole hierarchy) built once.
 */
export class LeanCatalog {
  private readonly parsedTypes = new Map<string, CatalogType | undefined>();
  private readonly memberIndexes = new Map<string, MemberIndex | undefined>();
  private readonly pythonNames: ReadonlySet<string>;

  constructor(
    readonly header: CatalogHeader,
    private readonly typeLines: ReadonlyMap<string, string>,
  ) {
    this.pythonNames = new Set(header.python_names);
  }

  /** The LEAN commit the catalog describes. */
  get leanCommit(): string {
    return this.header.lean_commit;
  }

  /** Every type key in the catalog. */
  typeKeys(): IterableIterator<string> {
    return this.typeLines.keys();
  }

  /** The type with this key (`QuantConnect.Resolution`, `QuantConnect.Securities.Futures+Indices`). */
  type(key: string): CatalogType | undefined {
    if (this.parsedTypes.has(key)) return this.parsedTypes.get(key);
    const line = this.typeLines.get(key);
    const parsed = line === undefined ? undefined : parseTypeLine(key, line);
    this.parsedTypes.set(key, parsed);
    return parsed;
  }

  /** The members Python can name on a type (own, inherited, interfaces, object members), or undefined. */
  members(key: string): MemberIndex | undefined {
    if (this.memberIndexes.has(key)) return this.memberIndexes.get(key);
    const index = this.type(key) === undefined ? undefined : buildMemberIndex(this, key);
    this.memberIndexes.set(key, index);
    return index;
  }

  /**
   * The type keys a simple name binds after `from AlgorithmImports import *` (two when a generic and a
   * non-generic type share it, as RollingWindow does); empty when it binds none or binds a Python name.
   */
  globalKeys(name: string): readonly string[] {
    if (this.pythonNames.has(name) || !Object.hasOwn(this.header.globals, name)) return [];
    const target = this.header.globals[name];
    if (target === undefined) return [];
    return typeof target === 'string' ? [target] : target;
  }

  /** The snake_case form of a C# parameter name. */
  snakeParameter(name: string): string {
    return this.header.param_snake[name] ?? name;
  }
}

function parseTypeLine(key: string, line: string): CatalogType {
  const result = CatalogType.safeParse(JSON.parse(line));
  if (!result.success) {
    throw new ConfigurationError(`The LEAN API catalog's type ${key} is malformed: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/** Indexes a catalog file's text: parses the header line and keeps each type's line for later. */
export function parseLeanCatalog(text: string): LeanCatalog {
  const firstBreak = text.indexOf('\n');
  const headerLine = firstBreak < 0 ? text : text.slice(0, firstBreak);
  let header: CatalogHeader;
  try {
    header = CatalogHeader.parse(JSON.parse(headerLine));
  } catch (error) {
    throw new ConfigurationError(
      "The LEAN API catalog's header is malformed: regenerate it with scripts/import-lean-catalog.mjs",
      { cause: error },
    );
  }
  const typeLines = new Map<string, string>();
  let start = firstBreak + 1;
  while (firstBreak >= 0 && start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const tab = line.indexOf('\t');
    if (tab > 0) typeLines.set(line.slice(0, tab), line.slice(tab + 1));
    if (end < 0) break;
    start = end + 1;
  }
  return new LeanCatalog(header, typeLines);
}

const loaded = new Map<string, LeanCatalog>();

/** The catalog at `location` (the shipped one by default), read and indexed once per process. */
export function loadLeanCatalog(location: URL = LEAN_CATALOG_URL): LeanCatalog {
  const cached = loaded.get(location.href);
  if (cached !== undefined) return cached;
  const catalog = parseLeanCatalog(readCatalogText(location));
  loaded.set(location.href, catalog);
  return catalog;
}
