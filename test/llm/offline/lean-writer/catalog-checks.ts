import type { ExtractMember, LeanApiExtract } from './lean-api-extract.js';
import type { PythonCall, PythonFileFacts } from './python-project.js';

/** Which catalog check a finding comes from, so a report can count them. */
export type CheckName =
  | 'global-name'
  | 'static-member'
  | 'static-call'
  | 'constructor'
  | 'super-init'
  | 'algorithm-member'
  | 'self-attribute'
  | 'attribute'
  | 'shadowed-method';

export interface Finding {
  check: CheckName;
  file: string;
  message: string;
}

function fitsArity(arity: readonly [number, number | null] | undefined, count: number): boolean {
  if (!arity) return true;
  const [minimum, maximum] = arity;
  return count >= minimum && (maximum === null || count <= maximum);
}

function callProblems(
  member: ExtractMember,
  positional: number,
  keywords: readonly (string | null)[],
): string[] {
  const problems: string[] = [];
  if (member.kind !== 'method') problems.push(`is a ${member.kind}, not a method`);
  if (!fitsArity(member.arity, positional + keywords.length)) {
    problems.push(`takes ${JSON.stringify(member.arity)} arguments, not ${positional + keywords.length}`);
  }
  for (const keyword of keywords) {
    if (keyword !== null && !(member.params ?? []).includes(keyword))
      problems.push(`has no parameter ${keyword}`);
  }
  return problems;
}

/**
 * Checks one project's facts against the catalog extract: bare names from AlgorithmImports, `Type.MEMBER`
 * uses (UPPER aliases for enums), static calls and constructors with their arities, `algorithm.<name>` and
 * `self.<name>(` on QCAlgorithm, attributes read on LEAN objects, and each class's own attributes.
 */
export function catalogFindings(facts: Record<string, PythonFileFacts>, extract: LeanApiExtract): Finding[] {
  const findings: Finding[] = [];
  const projectNames = new Set<string>();
  for (const file of Object.values(facts)) {
    for (const entry of file.classes)
      for (const name of [...entry.methods, ...entry.assigned]) projectNames.add(name);
  }
  const algorithm = extract.types.QCAlgorithm ?? {};
  for (const [file, fileFacts] of Object.entries(facts)) {
    const add = (check: CheckName, message: string) => findings.push({ check, file, message });
    for (const name of fileFacts.star_names) {
      if (!extract.types[name] && !extract.pythonNames.includes(name)) {
        add('global-name', `${name} is neither a LEAN type nor a Python name AlgorithmImports provides`);
      }
    }
    for (const use of fileFacts.static_members) {
      const member = extract.types[use.type]?.[use.member];
      if (!member) add('static-member', `${use.type}.${use.member} (line ${use.line}) is not in the catalog`);
      else if (!member.static)
        add('static-member', `${use.type}.${use.member} (line ${use.line}) is not static`);
    }
    for (const call of fileFacts.static_calls) {
      const member = extract.types[call.type]?.[call.member];
      if (!member) continue;
      for (const problem of callProblems(member, call.positional, call.keywords)) {
        add('static-call', `${call.type}.${call.member}(...) at line ${call.line} ${problem}`);
      }
    }
    for (const construction of fileFacts.constructions) {
      const overloads = extract.constructors[construction.callee];
      const count = construction.positional + Object.keys(construction.keywords).length;
      if (overloads && !overloads.some((arity) => fitsArity(arity, count))) {
        add('constructor', `${construction.callee}(...) at line ${construction.line} has ${count} arguments`);
      }
    }
    for (const entry of fileFacts.classes) {
      const base = entry.bases[0];
      const inherited = base ? extract.types[base] : undefined;
      const overloads = base ? extract.constructors[base] : undefined;
      if (overloads && entry.super_init_arguments !== null) {
        if (!overloads.some((arity) => fitsArity(arity, entry.super_init_arguments ?? 0))) {
          add(
            'super-init',
            `${entry.name} calls ${base}.__init__ with ${entry.super_init_arguments} arguments`,
          );
        }
      }
      const own = new Set([...entry.methods, ...entry.assigned]);
      for (const name of entry.loaded) {
        if (!own.has(name) && !inherited?.[name]) {
          add('self-attribute', `${entry.name} reads self.${name}, which it never defines or inherits`);
        }
      }
      for (const name of entry.assigned) {
        if (entry.methods.includes(name))
          add('shadowed-method', `${entry.name} assigns self.${name} over its method`);
      }
    }
    const checkAlgorithmCall = (call: PythonCall): void => {
      const member = algorithm[call.name];
      const problems = member
        ? callProblems(member, call.positional, call.keywords)
        : ['is not a QCAlgorithm member'];
      for (const problem of problems)
        add('algorithm-member', `${call.object}.${call.name}( at line ${call.line} ${problem}`);
    };
    const algorithmClasses = new Set(
      fileFacts.classes.filter((entry) => entry.bases.includes('QCAlgorithm')).map((entry) => entry.name),
    );
    for (const call of fileFacts.calls) {
      if (call.object === 'algorithm') checkAlgorithmCall(call);
      else if (algorithmClasses.has(call.class)) {
        const methods = fileFacts.classes.find((entry) => entry.name === call.class)?.methods ?? [];
        if (!methods.includes(call.name)) checkAlgorithmCall(call);
      }
    }
    for (const name of fileFacts.algorithm_reads) {
      if (!algorithm[name]) add('algorithm-member', `algorithm.${name} is not a QCAlgorithm member`);
    }
    for (const name of fileFacts.attributes) {
      if (name === '__init__' || projectNames.has(name) || extract.attributeOwners[name]) continue;
      add('attribute', `.${name} is on no catalog type and is not defined by the project`);
    }
  }
  return findings;
}
