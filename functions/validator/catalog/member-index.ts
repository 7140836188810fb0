import type { CatalogMember, CatalogOverload } from './catalog-schema.js';
import type { LeanCatalog } from './lean-catalog.js';

/** Which spelling of a member a Python name is: its C# name, its snake_case/UPPER alias, or both at once. */
export type NamingForm = 'csharp' | 'alias' | 'both';

/** A member found by a Python name. */
export interface ResolvedMember {
  /** The C# name. */
  name: string;
  /** The aliases pythonnet binds besides the C# name. */
  aliases: readonly string[];
  form: NamingForm;
  /** The member; a method's overloads are merged over the whole hierarchy, as pythonnet binds them. */
  member: CatalogMember;
  /** The key of the nearest type that declares it (or `object`/an external base name). */
  owner: string;
}

/** What Python can name on a LEAN type, in both naming forms. */
export interface MemberIndex {
  typeKey: string;
  /** Every attribute name is known: neither the type nor anything it inherits from is open or dynamic. */
  closed: boolean;
  /** Any attribute name is valid at runtime. */
  dynamic: boolean;
  /** The member a Python attribute name binds, if any. */
  lookup(name: string): ResolvedMember | undefined;
  /** Every name Python can use on the type (C# names and aliases). */
  names(): IterableIterator<string>;
  /** The members whose name differs from `name` only in case and underscores (`SetStartdate`, `daily`). */
  sameLetters(name: string): ResolvedMember[];
  /**
   * pythonnet also binds the CLR accessor methods by their special names: `get_X`/`set_X` of a property X
   * (`get_Item` of an indexer), `add_X`/`remove_X` of an event X, and `op_*` operators.
   */
  isAccessorName(name: string): boolean;
  /** The type keys `obj[key]` gives (null where the indexer's type is not a LEAN type); empty without indexer. */
  indexerKeys: readonly (string | null)[];
}

/** The letters of a name without case and underscores: the key naming-form mistakes share. */
export function letterKey(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

/** The aliases of a member (`py`), as a list. */
export function aliasesOf(member: CatalogMember): string[] {
  if (member.py === undefined) return [];
  return typeof member.py === 'string' ? [member.py] : member.py;
}

interface CollectedMember {
  name: string;
  member: CatalogMember;
  owner: string;
}

/** Builds the member index of a catalog type (its key must exist in the catalog). */
export function buildMemberIndex(catalog: LeanCatalog, typeKey: string): MemberIndex {
  const collected = new Map<string, CollectedMember>();
  let closed = true;
  let dynamic = false;
  let indexerKeys: readonly (string | null)[] | undefined;
  const visited = new Set<string>();
  const add = (name: string, member: CatalogMember, owner: string): void => {
    const existing = collected.get(name);
    if (existing === undefined) collected.set(name, { name, member, owner });
    else if (existing.member.kind === 'method' && member.kind === 'method') {
      // pythonnet binds one method object per name holding the overloads of the whole hierarchy.
      const overloads: CatalogOverload[] = [
        ...(existing.member.overloads ?? []),
        ...(member.overloads ?? []),
      ];
      collected.set(name, { ...existing, member: { ...existing.member, overloads } });
    }
  };
  const addExternal = (name: string): void => {
    const members = catalog.header.external_members[name];
    if (members === undefined) return;
    for (const [memberName, member] of Object.entries(members)) add(memberName, member, name);
  };
  const visit = (key: string): void => {
    if (visited.has(key)) return;
    visited.add(key);
    if (key.startsWith('external:')) {
      addExternal(key.slice('external:'.length));
      return;
    }
    const type = catalog.type(key);
    if (type === undefined) {
      closed = false;
      return;
    }
    if (type.open) closed = false;
    if (type.dynamic) dynamic = true;
    if (indexerKeys === undefined && type.indexers !== undefined) indexerKeys = type.indexers;
    for (const [name, member] of Object.entries(type.members)) add(name, member, key);
    if (type.base !== undefined) visit(type.base);
    for (const external of type.external_bases ?? []) addExternal(external);
    for (const implemented of type.interfaces ?? []) visit(implemented);
  };
  visit(typeKey);
  for (const [name, member] of Object.entries(catalog.header.object_members)) add(name, member, 'object');

  const byName = new Map<string, ResolvedMember>();
  for (const { name, member, owner } of collected.values()) {
    const aliases = aliasesOf(member);
    byName.set(name, { name, aliases, member, owner, form: aliases.includes(name) ? 'both' : 'csharp' });
  }
  // An alias is never bound over another member's C# name (pythonnet's rule), so C# names go in first.
  for (const resolved of [...byName.values()]) {
    for (const alias of resolved.aliases)
      if (!byName.has(alias)) byName.set(alias, { ...resolved, form: 'alias' });
  }
  let byLetters: Map<string, ResolvedMember[]> | undefined;
  const isAccessorName = (name: string): boolean => {
    if (name.startsWith('op_')) return true;
    const accessor = /^(get|set|add|remove)_(\w+)$/.exec(name);
    if (accessor === null) return false;
    const [, kind, target = ''] = accessor;
    if (target === 'Item') return indexerKeys !== undefined;
    const member = collected.get(target)?.member;
    if (kind === 'get' || kind === 'set') return member?.kind === 'property';
    return member?.kind === 'event';
  };
  return {
    isAccessorName,
    typeKey,
    closed: closed && !dynamic,
    dynamic,
    indexerKeys: indexerKeys ?? [],
    lookup: (name) => byName.get(name),
    names: () => byName.keys(),
    sameLetters: (name) => {
      if (byLetters === undefined) {
        byLetters = new Map();
        for (const [spelling, resolved] of byName) {
          const key = letterKey(spelling);
          const list = byLetters.get(key) ?? [];
          if (!list.some((entry) => entry.name === resolved.name)) list.push(resolved);
          byLetters.set(key, list);
        }
      }
      return byLetters.get(letterKey(name)) ?? [];
    },
  };
}
