import type { SourceFile } from '../../functions/agents/tasks.js';
import { QC_ALGORITHM_METHODS } from '../../functions/validator/rules/lean-algorithm-names.js';

/** The kinds of mistake the issue seeds into valid algorithms. */
export type MutationKind =
  | 'misspelled-member'
  | 'wrong-enum-member'
  | 'impossible-arguments'
  | 'syntax-error'
  | 'broken-import';

/** One seeded mistake: the mutated files and where the validator must report an error. */
export interface Mutation {
  kind: MutationKind;
  description: string;
  files: SourceFile[];
  file: string;
  /** 1-based line of the mistake. */
  line: number;
}

/** A line edit: the file, its 0-based line, and the new text of that line. */
interface LineEdit {
  file: SourceFile;
  index: number;
  replacement: string;
  description: string;
}

const ENUMS =
  /\b(Resolution|InsightDirection|OrderStatus|SecurityType|OptionRight|DataNormalizationMode|MovingAverageType|AccountType|BrokerageName)\.([A-Za-z_]+)\b/;
const SELF_CALL = /\bself\.(\w+)\(/g;
const SET_CASH_OR_DATE = /\bself\.(set_cash|SetCash|set_start_date|SetStartDate)\(([^()*]*)\)/;
const ALGORITHM_CLASS = /^class \w+\((?:QCAlgorithm|QCAlgorithmFramework)\)/;
const METHOD_DEFINITION = /^(\s+def \w+\(.*\).*):\s*$/;
const FROM_IMPORT = /^from (\w+) import (\w+)/;

/** Every mutation this harness can seed into a project, at most one of each kind. */
export function mutationsOf(files: readonly SourceFile[]): Mutation[] {
  const python = files.filter((file) => file.name.endsWith('.py'));
  const main = python.find((file) => file.name === 'main.py');
  const modules = new Set(python.map((file) => file.name.slice(0, -'.py'.length)));
  const edits: [MutationKind, LineEdit | undefined][] = [
    ['misspelled-member', main && misspelledMember(main)],
    ['wrong-enum-member', firstEdit(python, wrongEnumMember)],
    ['impossible-arguments', firstEdit(python, impossibleArguments)],
    ['syntax-error', main && firstLineEdit(main, missingColon)],
    [
      'broken-import',
      firstEdit(python, (file) => firstLineEdit(file, (line) => brokenImport(line, modules))),
    ],
  ];
  return edits.flatMap(([kind, edit]) => (edit === undefined ? [] : [apply(files, kind, edit)]));
}

function apply(files: readonly SourceFile[], kind: MutationKind, edit: LineEdit): Mutation {
  const lines = edit.file.content.split('\n');
  lines[edit.index] = edit.replacement;
  const mutated = { ...edit.file, content: lines.join('\n') };
  return {
    kind,
    description: edit.description,
    files: files.map((file) => (file === edit.file ? mutated : file)),
    file: edit.file.name,
    line: edit.index + 1,
  };
}

function firstEdit(
  files: readonly SourceFile[],
  edit: (file: SourceFile) => LineEdit | undefined,
): LineEdit | undefined {
  for (const file of files) {
    const found = edit(file);
    if (found !== undefined) return found;
  }
  return undefined;
}

function firstLineEdit(
  file: SourceFile,
  edit: (line: string, index: number) => { replacement: string; description: string } | undefined,
): LineEdit | undefined {
  const lines = file.content.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trimStart().startsWith('#')) continue;
    const found = edit(line, index);
    if (found !== undefined) return { file, index, ...found };
  }
  return undefined;
}

/**
 * `self.set_holdings(` → `self.set_holdigs(`: a QCAlgorithm method with one letter dropped, inside the algorithm
 * class (in a module-level function nothing says what self is).
 */
function misspelledMember(main: SourceFile): LineEdit | undefined {
  const defined = new Set([...main.content.matchAll(/def (\w+)\(/g)].map((match) => match[1]));
  const classStart = main.content.split('\n').findIndex((line) => ALGORITHM_CLASS.test(line));
  if (classStart < 0) return undefined;
  return firstLineEdit(main, (line, index) => {
    if (index < classStart) return undefined;
    for (const match of line.matchAll(SELF_CALL)) {
      const name = match[1] ?? '';
      if (!QC_ALGORITHM_METHODS.has(name) || defined.has(name) || name.length < 5) continue;
      const misspelled = `${name.slice(0, -2)}${name.slice(-1)}`;
      if (QC_ALGORITHM_METHODS.has(misspelled)) continue;
      return {
        replacement: line.replace(`self.${name}(`, `self.${misspelled}(`),
        description: `self.${name} → self.${misspelled}`,
      };
    }
    return undefined;
  });
}

/** `Resolution.DAILY` → `Resolution.DAILYY`. */
function wrongEnumMember(file: SourceFile): LineEdit | undefined {
  return firstLineEdit(file, (line) => {
    const match = ENUMS.exec(line);
    if (match === null) return undefined;
    const [written, type, member] = match;
    return {
      replacement: line.replace(written, `${type}.${member}${(member ?? '').slice(-1)}`),
      description: `${written} → ${type}.${member}${(member ?? '').slice(-1)}`,
    };
  });
}

/**
 * `self.set_cash(100_000)` → `self.set_cash(100_000, 1, 2, 3, 4)`: more arguments than any overload takes
 * (calls that unpack `*arguments` have no count to check).
 */
function impossibleArguments(file: SourceFile): LineEdit | undefined {
  return firstLineEdit(file, (line) => {
    const match = SET_CASH_OR_DATE.exec(line);
    if (match === null) return undefined;
    const [written, name, parameters] = match;
    const replacement = `self.${name}(${parameters}, 1, 2, 3, 4)`;
    return { replacement: line.replace(written, replacement), description: `${written} → ${replacement}` };
  });
}

/** `def on_data(self, data):` → `def on_data(self, data)`. */
function missingColon(line: string): { replacement: string; description: string } | undefined {
  const match = METHOD_DEFINITION.exec(line);
  if (match === null || match[1] === undefined) return undefined;
  return { replacement: match[1], description: `${line.trim()} without its colon` };
}

/** `from alpha import MomentumAlphaModel` → `from alpha import MomentumAlphaMode`. */
function brokenImport(
  line: string,
  modules: ReadonlySet<string>,
): { replacement: string; description: string } | undefined {
  const match = FROM_IMPORT.exec(line);
  if (match === null || !modules.has(match[1] ?? '')) return undefined;
  const name = match[2] ?? '';
  const broken = name.slice(0, -1);
  return {
    replacement: line.replace(`import ${name}`, `import ${broken}`),
    description: `import ${name} → import ${broken}`,
  };
}
