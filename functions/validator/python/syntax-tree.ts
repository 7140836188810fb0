import type { Node as SyntaxNode, TreeCursor } from 'web-tree-sitter';

/*
 * web-tree-sitter types a node's children and descendants as nullable; a live tree never yields null there,
 * and these helpers keep the rest of the validator free of the checks.
 */

/** The children of a node (tokens and extras included). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter(isNode);
}

/** The named children of a node (comments included: they are named extras). */
export function namedChildrenOf(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter(isNode);
}

/** The descendants of a node whose type is one of `types`, in source order. */
export function descendantsOfType(node: SyntaxNode, types: string | string[]): SyntaxNode[] {
  return node.descendantsOfType(types).filter(isNode);
}

/** The children of a node in a field that can repeat (`name` of an import). */
export function childrenForFieldName(node: SyntaxNode, field: string): SyntaxNode[] {
  return node.childrenForFieldName(field).filter(isNode);
}

function isNode(node: SyntaxNode | null): node is SyntaxNode {
  return node !== null;
}

/** The tokens (leaf nodes) under a node in source order, without comments and zero-width MISSING tokens. */
export function tokensOf(node: SyntaxNode): SyntaxNode[] {
  const tokens: SyntaxNode[] = [];
  if (node.childCount === 0) {
    if (isRealToken(node)) tokens.push(node);
    return tokens;
  }
  return withCursor(node, (cursor) => {
    let depth = 0;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        depth += 1;
        continue;
      }
      const leaf = cursor.currentNode;
      if (isRealToken(leaf)) tokens.push(leaf);
      for (;;) {
        if (depth === 0) return tokens;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
        depth -= 1;
      }
    }
  });
}

/** Runs `use` with a cursor on `node`, then frees the cursor: it holds WebAssembly memory of its own. */
export function withCursor<T>(node: SyntaxNode, use: (cursor: TreeCursor) => T): T {
  const cursor = node.walk();
  try {
    return use(cursor);
  } finally {
    cursor.delete();
  }
}

function isRealToken(node: SyntaxNode): boolean {
  return !node.isExtra && node.endIndex > node.startIndex;
}

/** The first token that starts after `node` ends, or undefined at the end of the file. */
export function tokenAfter(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node;
  while (current !== null) {
    let sibling: SyntaxNode | null = current.nextSibling;
    while (sibling !== null) {
      const token = firstToken(sibling);
      if (token !== undefined) return token;
      sibling = sibling.nextSibling;
    }
    current = current.parent;
  }
  return undefined;
}

/** The last token that ends before `node` starts, or undefined at the start of the file. */
export function tokenBefore(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node;
  while (current !== null) {
    let sibling: SyntaxNode | null = current.previousSibling;
    while (sibling !== null) {
      const token = lastToken(sibling);
      if (token !== undefined) return token;
      sibling = sibling.previousSibling;
    }
    current = current.parent;
  }
  return undefined;
}

function firstToken(node: SyntaxNode): SyntaxNode | undefined {
  if (node.childCount === 0) return isRealToken(node) ? node : undefined;
  for (const child of childrenOf(node)) {
    const token = firstToken(child);
    if (token !== undefined) return token;
  }
  return undefined;
}

function lastToken(node: SyntaxNode): SyntaxNode | undefined {
  if (node.childCount === 0) return isRealToken(node) ? node : undefined;
  for (let index = node.childCount - 1; index >= 0; index -= 1) {
    const child = node.child(index);
    const token = child === null ? undefined : lastToken(child);
    if (token !== undefined) return token;
  }
  return undefined;
}

/** True when `ancestor` is `node` or contains it (same tree). */
export function isWithin(node: SyntaxNode, ancestor: SyntaxNode): boolean {
  return node.startIndex >= ancestor.startIndex && node.endIndex <= ancestor.endIndex;
}

/** The nearest ancestor (not the node itself) whose type is one of `types`. */
export function ancestorOfType(node: SyntaxNode, types: ReadonlySet<string>): SyntaxNode | undefined {
  let current = node.parent;
  while (current !== null) {
    if (types.has(current.type)) return current;
    current = current.parent;
  }
  return undefined;
}

/** Shortens source text for a message: one line, at most `limit` characters. */
export function clip(text: string, limit = 30): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.length > limit ? `${firstLine.slice(0, limit - 1)}…` : firstLine;
}
