import type { SourceFile } from './tasks.js';

const OUTLINE_LINE = /^\s*(?:async\s+)?(?:class|def)\s/;

/** The class and def lines of a Python file, so a prompt can show its shape without its body. */
export function outlinePython(file: SourceFile): string {
  const lines = file.content
    .split(/\r?\n/)
    .filter((line) => OUTLINE_LINE.test(line))
    .map((line) => line.trimEnd());
  return [`# ${file.name}`, ...(lines.length ? lines : ['(no classes or functions)'])].join('\n');
}
