import type { CatalogMember } from '../catalog/catalog-schema.js';
import type { MemberIndex, ResolvedMember } from '../catalog/member-index.js';
import { didYouMean } from '../similar-names.js';
import { API_RULE, type Report } from './api-rule-ids.js';
import { bindableSpellings, closestMembers, displayName, isDunder } from './messages.js';
import { fieldOf, type PlainNode, textOf } from './plain-tree.js';
import type { AttributeUse } from './scopes.js';
import type { TypeInference } from './type-inference.js';
import type { AlgorithmReceiver, ValueType } from './value-types.js';

/** Attributes Python gives every class object besides the members LEAN declares. */
const TYPE_OBJECT_ATTRIBUTES = new Set(['mro']);
const LISTED_ENUM_MEMBERS = 12;

/** Checks one attribute read or store against the catalog, through the type of its receiver. */
export function checkAttribute(use: AttributeUse, inference: TypeInference, report: Report): void {
  const module = inference.moduleOf(use.scope);
  const receiverNode = fieldOf(use.node, 'object');
  const nameNode = fieldOf(use.node, 'attribute');
  if (module === undefined || receiverNode === undefined || nameNode === undefined) return;
  const name = textOf(module.facts.tree, nameNode);
  if (isDunder(name)) return;
  const receiver = inference.typeOf(receiverNode, use.scope);
  if (use.store !== undefined) {
    checkStore(receiver, name, nameNode, inference, report);
    return;
  }
  switch (receiver.kind) {
    case 'algorithm': {
      if (receiver.receiver.userNames.has(name)) return;
      const index = inference.context.catalog.members(inference.context.algorithmKey);
      if (index === undefined) return;
      const resolved = index.lookup(name);
      if (resolved !== undefined) checkObsolete(resolved, 'QCAlgorithm', nameNode, report);
      else if (!index.isAccessorName(name))
        unknownOnAlgorithm(index, name, nameNode, receiver.receiver, report);
      return;
    }
    case 'instance': {
      if (receiver.model?.familyNames.has(name) || receiver.model?.dynamicAttributes) return;
      const index = inference.context.catalog.members(receiver.key);
      if (index === undefined) return;
      const resolved = index.lookup(name);
      if (resolved !== undefined) checkObsolete(resolved, displayName(receiver.key), nameNode, report);
      else if (
        index.closed &&
        !index.isAccessorName(name) &&
        (receiver.model !== undefined || isConcrete(inference, receiver.key))
      ) {
        unknownOnInstance(index, name, nameNode, receiver.model !== undefined, report);
      }
      return;
    }
    case 'type':
      checkStaticAccess(receiver.keys, name, nameNode, inference, report);
      return;
    default:
      return;
  }
}

/**
 * A value declared as an interface or abstract class is always some subclass at runtime (IBuyingPowerModel is a
 * FutureMarginModel), whose extra members the declared type does not list: no warning on those.
 */
function isConcrete(inference: TypeInference, key: string): boolean {
  const type = inference.context.catalog.type(key);
  return type !== undefined && type.kind !== 'interface' && type.abstract !== true;
}

function checkStaticAccess(
  keys: readonly string[],
  name: string,
  nameNode: PlainNode,
  inference: TypeInference,
  report: Report,
): void {
  const catalog = inference.context.catalog;
  const indexes: MemberIndex[] = [];
  for (const key of keys) {
    const index = catalog.members(key);
    if (index === undefined) return;
    const resolved = index.lookup(name);
    if (resolved !== undefined) {
      checkObsolete(resolved, displayName(key), nameNode, report);
      return;
    }
    indexes.push(index);
  }
  const [index] = indexes;
  if (index === undefined || TYPE_OBJECT_ATTRIBUTES.has(name)) return;
  if (indexes.some((entry) => !entry.closed || entry.isAccessorName(name))) return;
  const owner = displayName(index.typeKey);
  const isEnum = catalog.type(index.typeKey)?.kind === 'enum';
  const sameLetters = index.sameLetters(name);
  if (sameLetters.length > 0) {
    const form = isEnum
      ? 'enum members are spelled as in C# or in UPPER_SNAKE_CASE'
      : 'pythonnet binds only the C# name and its snake_case (or UPPER_SNAKE_CASE) alias';
    report(
      nameNode,
      'error',
      API_RULE.namingForm,
      `${owner} has no member '${name}': ${form}${didYouMean(bindableSpellings(name, sameLetters))}`,
    );
    return;
  }
  const suggestion = didYouMean(closestMembers(name, index));
  if (isEnum) {
    const members = enumMembers(inference, index.typeKey, name);
    const listing =
      members.length > 0 && members.length <= LISTED_ENUM_MEMBERS
        ? `; its members are ${members.join(', ')}`
        : '';
    report(
      nameNode,
      'error',
      API_RULE.unknownEnumMember,
      `${owner} has no member '${name}'${suggestion}${listing}`,
    );
    return;
  }
  const members = suggestion === '' ? staticMembers(inference, index.typeKey, name) : [];
  const listing =
    members.length === 0
      ? ''
      : `; its static members include ${members.slice(0, LISTED_ENUM_MEMBERS).join(', ')}${members.length > LISTED_ENUM_MEMBERS ? ', ...' : ''}`;
  report(
    nameNode,
    'error',
    API_RULE.unknownTypeMember,
    `${owner} has no member '${name}'${suggestion}${listing}`,
  );
}

/** An enum's members, in the naming form the user wrote (UPPER_SNAKE unless they wrote C# names). */
function enumMembers(inference: TypeInference, key: string, written: string): string[] {
  return membersOfType(inference, key, written, (member) => member.kind === 'enum_member');
}

/** A type's own static members (constants, nested types, static methods), in the user's naming form. */
function staticMembers(inference: TypeInference, key: string, written: string): string[] {
  return membersOfType(
    inference,
    key,
    written,
    (member) => member.static === true || member.kind === 'nested_type',
  );
}

function membersOfType(
  inference: TypeInference,
  key: string,
  written: string,
  keep: (member: CatalogMember) => boolean,
): string[] {
  const type = inference.context.catalog.type(key);
  if (type === undefined) return [];
  const csharp = /[a-z]/.test(written) && /[A-Z]/.test(written) && !written.includes('_');
  return Object.entries(type.members)
    .filter(([, member]) => keep(member))
    .map(([name, member]) => {
      const alias = typeof member.py === 'string' ? member.py : member.py?.[0];
      return csharp ? name : (alias ?? name);
    });
}

function unknownOnAlgorithm(
  index: MemberIndex,
  name: string,
  nameNode: PlainNode,
  receiver: AlgorithmReceiver,
  report: Report,
): void {
  const certain = receiver.certain;
  const severity = certain ? 'error' : 'warning';
  const caveat = certain ? '' : ', unless a base class the validator cannot see defines it';
  const sameLetters = index.sameLetters(name);
  if (sameLetters.length > 0) {
    report(
      nameNode,
      severity,
      API_RULE.namingForm,
      `QCAlgorithm has no member '${name}': pythonnet binds only the C# name and its snake_case alias${didYouMean(bindableSpellings(name, sameLetters))}${caveat}`,
    );
    return;
  }
  const suggestion = didYouMean(closestMembers(name, index, 3, receiver.userNames));
  const advice = suggestion === '' ? '; define it in the algorithm class, or call a QCAlgorithm member' : '';
  report(
    nameNode,
    severity,
    API_RULE.unknownAlgorithmMember,
    `'${name}' is neither a QCAlgorithm member nor defined by the algorithm class${suggestion}${advice}${caveat}`,
  );
}

function unknownOnInstance(
  index: MemberIndex,
  name: string,
  nameNode: PlainNode,
  isSelf: boolean,
  report: Report,
): void {
  const owner = displayName(index.typeKey);
  const how = isSelf ? `the LEAN base class ${owner}` : `${owner}, the type LEAN declares for this value`;
  const sameLetters = index.sameLetters(name);
  const suggestions =
    sameLetters.length > 0 ? bindableSpellings(name, sameLetters) : closestMembers(name, index);
  const rule = sameLetters.length > 0 ? API_RULE.namingForm : API_RULE.unknownAttribute;
  report(nameNode, 'warning', rule, `'${name}' is not a member of ${how}${didYouMean(suggestions)}`);
}

function checkObsolete(resolved: ResolvedMember, owner: string, nameNode: PlainNode, report: Report): void {
  if (resolved.member.obsolete !== true) return;
  report(
    nameNode,
    'warning',
    API_RULE.obsoleteMember,
    `${owner}.${resolved.name} is obsolete in LEAN: it may be removed; use its replacement from the LEAN docs`,
  );
}

function checkStore(
  receiver: ValueType,
  name: string,
  nameNode: PlainNode,
  inference: TypeInference,
  report: Report,
): void {
  const catalog = inference.context.catalog;
  let key: string | undefined;
  if (receiver.kind === 'algorithm') key = inference.context.algorithmKey;
  else if (receiver.kind === 'instance') key = receiver.key;
  else if (receiver.kind === 'type' && receiver.keys.length === 1) key = receiver.keys[0];
  if (key === undefined) return;
  const resolved = catalog.members(key)?.lookup(name);
  const member = resolved?.member;
  if (resolved === undefined || member === undefined) return;
  if (member.kind !== 'property' && member.kind !== 'field') return;
  if (member.readonly !== true && member.const !== true) return;
  const owner = receiver.kind === 'algorithm' ? 'QCAlgorithm' : displayName(key);
  report(
    nameNode,
    'warning',
    API_RULE.readonlyProperty,
    `${owner}.${resolved.name} is read-only: assigning '${name}' fails at runtime; use another attribute name, or the setter method LEAN provides (set_...)`,
  );
}
