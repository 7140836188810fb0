import { QuantCoderError } from '../../shared/errors.js';
import { closestMembers, displayName } from '../../validator/api/messages.js';
import type { LeanCatalog } from '../../validator/catalog/lean-catalog.js';
import { letterKey, type ResolvedMember } from '../../validator/catalog/member-index.js';
import { similarNames } from '../../validator/similar-names.js';
import { type ApiDocEntry, memberEntry, typeEntry } from './api-doc-entry.js';
import { catalogNameIndex, type MemberSite } from './catalog-name-index.js';

/** What a query found: the entries (at most `limit`), how many there were, and names close to it. */
export interface ApiDocsAnswer {
  query: string;
  matches: ApiDocEntry[];
  total: number;
  didYouMean: string[];
  note?: string;
}

/** Entries are built only for the matches returned: a phrase may match hundreds of members. */
type Found = { items: Array<() => ApiDocEntry>; didYouMean: string[]; note?: string };

const QC_ALGORITHM = 'QuantConnect.Algorithm.QCAlgorithm';
const IDENTIFIER_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const STOP_WORDS = new Set(
  'a an and at by do does for how i in is it my of on or the to use using what which with'.split(' '),
);
/** Members of one name listed in a phrase search: `update` alone is declared by hundreds of indicators. */
const SITES_PER_NAME = 3;

/**
 * Looks a query up in the LEAN API catalog: a type (`SimpleMovingAverage`, `Futures.Indices`), a member of one
 * (`QCAlgorithm.set_holdings`, `Resolution.DAILY`, `self.history`), a member anywhere (`set_holdings`), or a
 * few words (`moving average`). A name in the wrong naming form finds the member and says how Python spells it.
 */
export function lookUpApiDocs(catalog: LeanCatalog, query: string, limit: number): ApiDocsAnswer {
  const cleaned = query
    .trim()
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^(?:self|algorithm)\./, 'QCAlgorithm.')
    .replace(/\.+$/, '');
  const found = IDENTIFIER_PATH.test(cleaned) ? lookUpName(catalog, cleaned) : searchWords(catalog, cleaned);
  return {
    query,
    matches: found.items.slice(0, limit).map((build) => build()),
    total: found.items.length,
    didYouMean: found.didYouMean,
    ...(found.note ? { note: found.note } : {}),
  };
}

function lookUpName(catalog: LeanCatalog, name: string): Found {
  const types = resolveTypes(catalog, name).map((key) => typeItem(catalog, key));
  const parts = name.split('.');
  const memberName = parts.pop() ?? name;
  if (parts.length > 0) {
    const ownerName = parts.join('.');
    const owners = resolveTypes(catalog, ownerName);
    if (owners.length === 0) {
      if (types.length > 0) return { items: types, didYouMean: [] };
      const index = catalogNameIndex(catalog);
      return {
        items: [],
        didYouMean: similarNames(ownerName, index.typesByName.keys(), 5),
        note: `No LEAN type is named '${ownerName}'.`,
      };
    }
    const members = membersOf(catalog, owners, memberName);
    if (types.length === 0) return members;
    return { items: [...types, ...members.items], didYouMean: [] };
  }
  // A type's name is also a property on dozens of types (`Resolution`); with the type found, only QCAlgorithm's count.
  const members = membersNamed(catalog, name, types.length > 0 ? QC_ALGORITHM : undefined);
  if (types.length > 0 || members.length > 0) return { items: [...types, ...members], didYouMean: [] };
  return lookUpLetters(catalog, name);
}

/** The member `name` of the first owner type that has it, in either naming form, or names close to it. */
function membersOf(catalog: LeanCatalog, owners: readonly string[], name: string): Found {
  for (const owner of owners) {
    const resolved = catalog.members(owner)?.lookup(name);
    if (resolved) return { items: [() => memberEntry(catalog, resolved)], didYouMean: [] };
  }
  for (const owner of owners) {
    const sameLetters = catalog.members(owner)?.sameLetters(name) ?? [];
    if (sameLetters.length > 0) {
      return {
        items: sameLetters.map(
          (resolved) => () => memberEntry(catalog, resolved, spellingNote(name, resolved)),
        ),
        didYouMean: [],
      };
    }
  }
  const [first] = owners;
  const index = first === undefined ? undefined : catalog.members(first);
  return {
    items: [],
    didYouMean: index ? closestMembers(name, index, 5) : [],
    note: `${displayName(first ?? '')} has no member '${name}'.`,
  };
}

/** The members spelled `name` (on `onlyOn` when given), QCAlgorithm's first, then those of bound types. */
function membersNamed(catalog: LeanCatalog, name: string, onlyOn?: string): Array<() => ApiDocEntry> {
  const sites = (catalogNameIndex(catalog).membersBySpelling.get(name) ?? []).filter(
    (site) => onlyOn === undefined || site.typeKey === onlyOn,
  );
  return rankSites(catalog, sites).flatMap((site) => {
    const resolved = catalog.members(site.typeKey)?.lookup(name);
    return resolved ? [() => memberEntry(catalog, { ...resolved, owner: site.typeKey })] : [];
  });
}

/** A name in neither naming form (`setholdings`, `qcalgorithm`): the types and members with its letters. */
function lookUpLetters(catalog: LeanCatalog, name: string): Found {
  const index = catalogNameIndex(catalog);
  const types = (index.typesByLowerName.get(name.toLowerCase()) ?? []).map((key) => typeItem(catalog, key));
  const members = rankSites(catalog, index.membersByLetters.get(letterKey(name)) ?? []).flatMap((site) => {
    const resolved = catalog.members(site.typeKey)?.lookup(site.name);
    return resolved ? [() => memberEntry(catalog, resolved, spellingNote(name, resolved))] : [];
  });
  if (types.length > 0 || members.length > 0) return { items: [...types, ...members], didYouMean: [] };
  return {
    items: [],
    didYouMean: similarNames(name, index.allNames, 5),
    note: `No LEAN type or member is named '${name}'.`,
  };
}

/** Types and members whose names hold every word of the query, best covered first. */
function searchWords(catalog: LeanCatalog, text: string): Found {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  if (words.length === 0) {
    return {
      items: [],
      didYouMean: [],
      note: 'Ask for a type (SimpleMovingAverage), a member of one (QCAlgorithm.set_holdings), a member (set_holdings) or a few words (moving average).',
    };
  }
  const index = catalogNameIndex(catalog);
  const scored: Array<{ score: number; name: string; build: () => ApiDocEntry }> = [];
  const coverage = (letters: string) =>
    words.every((word) => letters.includes(word))
      ? words.reduce((total, word) => total + word.length, 0) / letters.length
      : 0;
  for (const [name, keys] of index.typesByName) {
    const score = coverage(letterKey(name));
    if (score === 0) continue;
    for (const key of keys) {
      scored.push({ score: score + (isBound(catalog, key) ? 0.5 : 0), name, build: typeItem(catalog, key) });
    }
  }
  for (const [letters, sites] of index.membersByLetters) {
    const score = coverage(letters);
    if (score === 0) continue;
    for (const site of rankSites(catalog, sites).slice(0, SITES_PER_NAME)) {
      const resolved = catalog.members(site.typeKey)?.lookup(site.name);
      if (!resolved) continue;
      const bonus = site.typeKey === QC_ALGORITHM ? 0.5 : isBound(catalog, site.typeKey) ? 0.2 : 0;
      scored.push({ score: score + bonus, name: site.name, build: () => memberEntry(catalog, resolved) });
    }
  }
  scored.sort(
    (left, right) =>
      right.score - left.score || left.name.length - right.name.length || (left.name < right.name ? -1 : 1),
  );
  if (scored.length > 0) return { items: scored.map((entry) => entry.build), didYouMean: [] };
  return {
    items: [],
    didYouMean: [],
    note: `No LEAN type or member name holds all of: ${words.join(', ')}.`,
  };
}

/** The type keys a name means: a full key, a name AlgorithmImports binds, or a type's (nested) name. */
function resolveTypes(catalog: LeanCatalog, name: string): string[] {
  if (catalog.type(name)) return [name];
  const bound = catalog.globalKeys(name);
  if (bound.length > 0) return [...bound];
  const alias = catalog.header.assign_aliases[name];
  if (alias !== undefined) return [...catalog.globalKeys(alias)];
  const byName = catalogNameIndex(catalog).typesByName.get(name) ?? [];
  return [...byName].sort((left, right) => Number(isBound(catalog, right)) - Number(isBound(catalog, left)));
}

function typeItem(catalog: LeanCatalog, key: string): () => ApiDocEntry {
  return () => {
    const type = catalog.type(key);
    if (!type) throw new QuantCoderError(`The LEAN API catalog lost its type ${key}.`);
    return typeEntry(catalog, key, type);
  };
}

/** QCAlgorithm first, then types that `from AlgorithmImports import *` binds, then by name. */
function rankSites(catalog: LeanCatalog, sites: readonly MemberSite[]): MemberSite[] {
  const rank = (site: MemberSite) =>
    site.typeKey === QC_ALGORITHM ? 0 : isBound(catalog, site.typeKey) ? 1 : 2;
  return [...sites].sort(
    (left, right) =>
      rank(left) - rank(right) || (displayName(left.typeKey) < displayName(right.typeKey) ? -1 : 1),
  );
}

/** Whether Python code names the type directly after `from AlgorithmImports import *`. */
function isBound(catalog: LeanCatalog, key: string): boolean {
  return catalog.globalKeys(displayName(key)).includes(key);
}

function spellingNote(written: string, resolved: ResolvedMember): string {
  const spellings = [...resolved.aliases, resolved.name].map((spelling) => `'${spelling}'`).join(' or ');
  return `Python does not bind '${written}': write ${spellings}.`;
}
