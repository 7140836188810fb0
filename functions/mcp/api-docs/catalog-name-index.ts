import { displayName } from '../../validator/api/messages.js';
import type { LeanCatalog } from '../../validator/catalog/lean-catalog.js';
import { aliasesOf, letterKey } from '../../validator/catalog/member-index.js';

/** A member where a type declares it: the type's key and the member's C# name. */
export interface MemberSite {
  typeKey: string;
  name: string;
}

/** The catalog by name, in every direction an API question comes from. */
export interface CatalogNameIndex {
  /** Type keys by the name Python code uses (`QCAlgorithm`, `Futures.Indices`), and by that name lower-cased. */
  typesByName: ReadonlyMap<string, readonly string[]>;
  typesByLowerName: ReadonlyMap<string, readonly string[]>;
  /** Where members are declared, by every spelling (C# name and aliases). */
  membersBySpelling: ReadonlyMap<string, readonly MemberSite[]>;
  /** The same, keyed by letters without case and underscores (`setholdings`). */
  membersByLetters: ReadonlyMap<string, readonly MemberSite[]>;
  /** Every type name and member spelling, for "did you mean". */
  allNames: readonly string[];
}

const indexes = new WeakMap<LeanCatalog, CatalogNameIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The catalog's name index, built on first use (every type is parsed once, about 150 ms) and kept. */
export function catalogNameIndex(catalog: LeanCatalog): CatalogNameIndex {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const typesByName = new Map<string, string[]>();
  const typesByLowerName = new Map<string, string[]>();
  const membersBySpelling = new Map<string, MemberSite[]>();
  const membersByLetters = new Map<string, MemberSite[]>();
  const allNames = new Set<string>();
  for (const key of catalog.typeKeys()) {
    const type = catalog.type(key);
    if (!type) continue;
    const name = displayName(key);
    push(typesByName, name, key);
    push(typesByLowerName, name.toLowerCase(), key);
    allNames.add(name);
    for (const [memberName, member] of Object.entries(type.members)) {
      if (member.kind === 'external') continue;
      const site = { typeKey: key, name: memberName };
      for (const spelling of new Set([memberName, ...aliasesOf(member)])) {
        push(membersBySpelling, spelling, site);
        allNames.add(spelling);
      }
      push(membersByLetters, letterKey(memberName), site);
    }
  }
  const index = {
    typesByName,
    typesByLowerName,
    membersBySpelling,
    membersByLetters,
    allNames: [...allNames],
  };
  indexes.set(catalog, index);
  return index;
}
