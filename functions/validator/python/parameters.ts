import type { Node as SyntaxNode } from 'web-tree-sitter';
import { namedChildrenOf } from './syntax-tree.js';

/** How a Python parameter can be passed. */
export type ParameterKind =
  | 'positional-only'
  | 'positional'
  | 'keyword-only'
  | 'var-positional'
  | 'var-keyword';

/** One parameter of a `def` or `lambda`. */
export interface PythonParameter {
  name: string;
  kind: ParameterKind;
  hasDefault: boolean;
  node: SyntaxNode;
}

/** The parameters of a `parameters` or `lambda_parameters` node, in order, with how each can be passed. */
export function parametersOf(parametersNode: SyntaxNode): PythonParameter[] {
  const parameters: PythonParameter[] = [];
  let keywordOnly = false;
  for (const child of namedChildrenOf(parametersNode)) {
    if (child.type === 'keyword_separator') {
      keywordOnly = true;
      continue;
    }
    if (child.type === 'positional_separator') {
      for (const parameter of parameters)
        if (parameter.kind === 'positional') parameter.kind = 'positional-only';
      continue;
    }
    const parameter = describeParameter(child, keywordOnly);
    if (parameter === undefined) continue;
    if (parameter.kind === 'var-positional') keywordOnly = true;
    parameters.push(parameter);
  }
  return parameters;
}

function describeParameter(node: SyntaxNode, keywordOnly: boolean): PythonParameter | undefined {
  const plain: ParameterKind = keywordOnly ? 'keyword-only' : 'positional';
  switch (node.type) {
    case 'identifier':
      return { name: node.text, kind: plain, hasDefault: false, node };
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = node.childForFieldName('name');
      if (name === null || name.type !== 'identifier') return undefined;
      return { name: name.text, kind: plain, hasDefault: true, node };
    }
    case 'typed_parameter': {
      const inner = namedChildrenOf(node).find((child) => child.type !== 'type');
      const described = inner === undefined ? undefined : describeParameter(inner, keywordOnly);
      return described === undefined ? undefined : { ...described, node };
    }
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern': {
      const name = namedChildrenOf(node).find((child) => child.type === 'identifier');
      if (name === undefined) return undefined;
      const kind = node.type === 'list_splat_pattern' ? 'var-positional' : 'var-keyword';
      return { name: name.text, kind, hasDefault: false, node };
    }
    default:
      return undefined;
  }
}
