import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import { descendantsOfType } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { memberAccess } from './code-patterns.js';
import { type ProjectClass, projectClasses } from './project-classes.js';

const RULE = 'unchecked-slice-access';
const ON_DATA = new Set(['on_data', 'OnData']);
/** Slice collections indexed by symbol that miss a symbol with no data in the bar. */
const KEYED_COLLECTIONS = new Set(['bars', 'Bars', 'quote_bars', 'QuoteBars']);
const CHECKS = /\b(?:contains_key|ContainsKey)\b|\btry\s*:/;

/** `data[symbol]` in on_data raises KeyError on a bar without that symbol, unless something checks first. */
export const uncheckedSliceAccessRule: ValidationRule = {
  id: RULE,
  description:
    'on_data indexes the slice (data[symbol], data.bars[symbol]) only after checking that the symbol is there.',
  check: (project) =>
    projectClasses(project)
      .filter((owner) => owner.isAlgorithm)
      .flatMap(checkAlgorithm),
};

function checkAlgorithm(owner: ProjectClass): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const method of owner.methods) {
    const slice = method.parameters[1]?.name;
    if (!ON_DATA.has(method.name) || slice === undefined) continue;
    const text = method.node.text;
    if (CHECKS.test(text) || new RegExp(`\\bin\\s+${slice}\\b|\\b${slice}(?:\\.\\w+)?\\.get\\(`).test(text)) {
      continue;
    }
    const first = descendantsOfType(method.node, 'subscript').find((node) => indexesSlice(node, slice));
    if (first === undefined) continue;
    diagnostics.push(
      staticDiagnostic(
        owner.module.file.name,
        positionOf(first),
        'warning',
        RULE,
        `${first.text} raises KeyError on a bar without data for that symbol: check ${slice}.contains_key(symbol) (or 'symbol in ${slice}') first`,
      ),
    );
  }
  return diagnostics;
}

function indexesSlice(subscript: SyntaxNode, slice: string): boolean {
  const value = subscript.childForFieldName('value');
  if (value === null) return false;
  if (value.type === 'identifier') return value.text === slice && !isAssignmentTarget(subscript);
  const access = memberAccess(value);
  return access?.receiver === slice && KEYED_COLLECTIONS.has(access.name);
}

function isAssignmentTarget(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent?.type === 'assignment' && parent.childForFieldName('left')?.startIndex === node.startIndex;
}
