import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import type { PythonModule } from '../project/python-module.js';
import { descendantsOfType } from '../python/syntax-tree.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { calleeName } from './code-patterns.js';

const RULE = 'string-concatenation';
const STRINGS = new Set(['string', 'concatenated_string']);
const NUMBERS = new Set(['integer', 'float']);
/** Builtins that never return a string. */
const NUMBER_FUNCTIONS = new Set(['len', 'int', 'float', 'round', 'abs', 'sum']);
/** LEAN properties that are numbers (Security.price, holdings quantity, portfolio value, indicator value). */
const NUMBER_PROPERTIES =
  /\.(?:price|Price|quantity|Quantity|total_portfolio_value|TotalPortfolioValue|current\.value|Current\.Value)$/;

/** `"text" + number` raises TypeError in Python. */
export const stringConcatenationRule: ValidationRule = {
  id: RULE,
  description: 'Strings are not joined to numbers with + (a TypeError in Python): use an f-string or str().',
  check: (project) =>
    [...project.modules.values()].filter((module) => !module.hasSyntaxErrors).flatMap(checkModule),
};

function checkModule(module: PythonModule): Diagnostic[] {
  if (!/["']\s*\+|\+\s*(?:[rRbBuUfF]{0,2})["']/.test(module.file.content)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const operation of descendantsOfType(module.parsed.tree.rootNode, 'binary_operator')) {
    if (operation.childForFieldName('operator')?.type !== '+') continue;
    const left = operation.childForFieldName('left');
    const right = operation.childForFieldName('right');
    if (left === null || right === null) continue;
    const number = STRINGS.has(left.type) ? right : STRINGS.has(right.type) ? left : undefined;
    if (number === undefined) continue;
    const severity = numberKind(module, number);
    if (severity === undefined) continue;
    diagnostics.push(
      staticDiagnostic(
        module.file.name,
        positionOf(operation),
        severity,
        RULE,
        `a string + ${number.text} raises TypeError (Python does not join str and numbers): use an f-string or str(${number.text})`,
      ),
    );
  }
  return diagnostics;
}

/** error when the operand is certainly a number, warning when it is a LEAN number property. */
function numberKind(module: PythonModule, operand: SyntaxNode): Diagnostic['severity'] | undefined {
  if (NUMBERS.has(operand.type)) return 'error';
  if (operand.type === 'call') {
    const name = calleeName(operand);
    return name !== undefined && NUMBER_FUNCTIONS.has(name) && !module.names.has(name) ? 'error' : undefined;
  }
  if (operand.type === 'attribute' && NUMBER_PROPERTIES.test(operand.text)) return 'warning';
  return undefined;
}
