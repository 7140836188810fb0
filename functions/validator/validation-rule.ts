import type { Diagnostic } from './diagnostic.js';
import type { Project } from './project/project.js';

/** One static check. Rules are pure functions of the project; a rule reports only under its own id. */
export interface ValidationRule {
  /** Stable id, written as Diagnostic.rule. */
  id: string;
  /** One line: what the rule checks. */
  description: string;
  check(project: Project): Diagnostic[];
}
