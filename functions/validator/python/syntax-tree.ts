import type Parser from 'tree-sitter';

type SyntaxNode = Parser.SyntaxNode;

/** The tokens (leaf nodes) under a node in source order, without comments and zero-width MISSING tokens. */
export function tokensOf(node: SyntaxNode): SyntaxNode[] {
  const tokens: SyntaxNode[] = [];
  if (node.childCount === 0) {
    if (isRealToken(node)) tokens.push(node);
    return tokens;
  }
  const cursor = node.walk();
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
  for (const child of node.children) {
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
