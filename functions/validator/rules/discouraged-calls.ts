import type { Node as SyntaxNode } from 'web-tree-sitter';
import type { Diagnostic } from '../diagnostic.js';
import type { Project } from '../project/project.js';
import type { PythonModule } from '../project/python-module.js';
import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { calleeName, callsOf, memberCall } from './code-patterns.js';

/** A call LEAN's cloud does not serve well, found by a predicate over each call of each module. */
function callRule(
  id: string,
  description: string,
  needle: RegExp,
  matches: (module: PythonModule, call: SyntaxNode) => string | undefined,
): ValidationRule {
  return {
    id,
    description,
    check: (project: Project) => {
      const diagnostics: Diagnostic[] = [];
      for (const module of project.modules.values()) {
        // Most modules never name the call: skip walking their syntax trees.
        if (module.hasSyntaxErrors || !needle.test(module.file.content)) continue;
        for (const call of callsOf(module)) {
          const message = matches(module, call);
          if (message === undefined) continue;
          const at = positionOf(call.childForFieldName('function') ?? call);
          diagnostics.push(staticDiagnostic(module.file.name, at, 'warning', id, message));
        }
      }
      return diagnostics;
    },
  };
}

/** A builtin called by its bare name, unless the module binds the name itself. */
function isBuiltinCall(module: PythonModule, call: SyntaxNode, name: string): boolean {
  return calleeName(call) === name && !module.names.has(name);
}

/** print() output does not reach the algorithm's log. */
export const printCallRule = callRule(
  'print-call',
  'Algorithms log with self.debug or self.log; print() output does not reach the backtest log.',
  /\bprint\s*\(/,
  (module, call) =>
    isBuiltinCall(module, call, 'print')
      ? 'print() writes to the process output, not to the algorithm log: use self.debug(...) or self.log(...)'
      : undefined,
);

/** time.sleep blocks the engine. */
export const blockingSleepRule = callRule(
  'blocking-sleep',
  'Algorithms do not call time.sleep: it blocks the engine thread without advancing algorithm time.',
  /\bsleep\s*\(/,
  (module, call) => {
    const member = memberCall(call);
    const sleeps =
      (member?.receiver === 'time' && member.name === 'sleep') ||
      (calleeName(call) === 'sleep' && module.names.get('sleep')?.kind === 'import');
    return sleeps
      ? 'time.sleep blocks the engine without advancing algorithm time: schedule the work with self.schedule.on(...) or compare self.time instead'
      : undefined;
  },
);

/** Cloud algorithms have no local files to open. */
export const localFileAccessRule = callRule(
  'local-file-access',
  'Algorithms do not open() local files; QuantConnect cloud algorithms use the Object Store or self.download.',
  /\bopen\s*\(/,
  (module, call) =>
    isBuiltinCall(module, call, 'open')
      ? 'open() reads the local disk, which QuantConnect cloud algorithms do not have: use self.object_store, or self.download(url) for remote files'
      : undefined,
);
