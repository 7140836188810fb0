import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import { descendantsOfType } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { memberAccess } from './code-patterns.js';
import { createsIndicator, selfAssignments } from './indicator-patterns.js';
import { type ClassMethod, type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'indicator-not-ready';
const READINESS = /\b(?:is_ready|IsReady|is_warming_up|IsWarmingUp)\b/;
const WARM_UP_INDICATOR = /\b(?:warm_up_indicator|WarmUpIndicator)\b/;
const WARM_UP = /\b(?:set_warm_up|SetWarmUp)\b/;
const WARMING_UP = /\b(?:is_warming_up|IsWarmingUp)\b/;
const CURRENT_VALUE = /\b(?:current\.value|Current\.Value)\b/;

/** An indicator's value is read where nothing checks that the indicator is ready. */
export const indicatorNotReadyRule: ValidationRule = {
  id: RULE,
  description:
    'Indicator values (.current.value) are read only where is_ready (or a warm-up guard) is checked.',
  check: (project) => projectClasses(project).flatMap(checkClass),
};

function checkClass(owner: ProjectClass): Diagnostic[] {
  const classText = owner.node.text;
  if (!CURRENT_VALUE.test(classText)) return [];
  const indicators = indicatorAttributes(owner);
  if (indicators.size === 0) return [];
  if (WARM_UP_INDICATOR.test(classText)) return [];
  // A warm-up period with an is_warming_up guard somewhere in the class readies the indicators first.
  if (WARM_UP.test(classText) && WARMING_UP.test(classText)) return [];
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const method of owner.methods) {
    const selfName = method.selfName;
    if (selfName === undefined) continue;
    const text = method.node.text;
    if (!CURRENT_VALUE.test(text) || READINESS.test(text)) continue;
    for (const use of valueReads(method, selfName)) {
      if (!indicators.has(use.name) || reported.has(use.name)) continue;
      if (new RegExp(`\\.${use.name}\\.(?:is_ready|IsReady)\\b`).test(classText)) continue;
      reported.add(use.name);
      const [isReady, warmUp, warmingUp] = use.node.text.endsWith('Current.Value')
        ? ['IsReady', 'SetWarmUp', 'IsWarmingUp']
        : ['is_ready', 'set_warm_up', 'is_warming_up'];
      diagnostics.push(
        staticDiagnostic(
          owner.module.file.name,
          positionOf(use.node),
          'warning',
          RULE,
          `${use.node.text} is read without checking ${selfName}.${use.name}.${isReady}: until the indicator has seen enough data its value is meaningless; check ${isReady} (or warm up with ${warmUp} and skip while ${warmingUp})`,
        ),
      );
    }
  }
  return diagnostics;
}

/** The attributes `self.<name>` the class assigns an indicator to (`self.rsi = self.rsi(...)`, `SimpleMovingAverage(20)`). */
function indicatorAttributes(owner: ProjectClass): Set<string> {
  const names = new Set<string>();
  for (const { method, name, value } of selfAssignments(owner)) {
    if (value.type === 'call' && createsIndicator(owner, method, value)) names.add(name);
  }
  return names;
}

/** `self.<name>.current.value` (or `self.<name>.<band>.current.value`) reads in a method. */
function valueReads(method: ClassMethod, selfName: string): { name: string; node: SyntaxNode }[] {
  const reads: { name: string; node: SyntaxNode }[] = [];
  for (const node of descendantsOfType(method.node, 'attribute')) {
    const value = node.childForFieldName('attribute')?.text;
    if (value !== 'value' && value !== 'Value') continue;
    const current = node.childForFieldName('object');
    const currentName = current?.childForFieldName('attribute')?.text;
    if (current?.type !== 'attribute' || (currentName !== 'current' && currentName !== 'Current')) continue;
    const holder = current.childForFieldName('object');
    if (holder === null) continue;
    const direct = memberAccess(holder);
    if (direct?.receiver === selfName) {
      reads.push({ name: direct.name, node });
      continue;
    }
    const parent = holder.type === 'attribute' ? holder.childForFieldName('object') : null;
    const band = parent === null ? undefined : memberAccess(parent);
    if (band?.receiver === selfName) reads.push({ name: band.name, node });
  }
  return reads;
}
