import type { Diagnostic } from '../diagnostic.js';
import type { PlainNode } from './plain-tree.js';

/** The ids of the LEAN API rules, as diagnostics carry them. */
export const API_RULE = {
  unknownAlgorithmMember: 'unknown-algorithm-member',
  unknownEnumMember: 'unknown-enum-member',
  unknownTypeMember: 'unknown-type-member',
  namingForm: 'naming-form',
  callArity: 'call-arity',
  callKeyword: 'call-keyword',
  obsoleteMember: 'obsolete-member',
  readonlyProperty: 'readonly-property',
  unknownAttribute: 'unknown-attribute',
} as const;
export type ApiRuleId = (typeof API_RULE)[keyof typeof API_RULE];

/** Where the checks put a finding: the node it points at (its start), its severity, rule and message. */
export type Report = (
  at: PlainNode,
  severity: Diagnostic['severity'],
  rule: ApiRuleId,
  message: string,
) => void;
