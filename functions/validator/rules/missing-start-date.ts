import { positionOf, staticDiagnostic } from '../static-diagnostic.js';
import type { ValidationRule } from '../validation-rule.js';
import { projectClasses } from './project-classes.js';

const RULE = 'missing-start-date';
const START_DATE = /\b(?:set_start_date|SetStartDate)\b/;

/** Without set_start_date a backtest starts at LEAN's default date, decades back. */
export const missingStartDateRule: ValidationRule = {
  id: RULE,
  description: 'The algorithm sets its backtest start date with set_start_date.',
  check: (project) => {
    const algorithms = projectClasses(project).filter((owner) => owner.isAlgorithm);
    const algorithm = algorithms.find((owner) => owner.module.name === 'main') ?? algorithms[0];
    if (algorithm === undefined) return [];
    if ([...project.modules.values()].some((module) => START_DATE.test(module.file.content))) return [];
    return [
      staticDiagnostic(
        algorithm.module.file.name,
        positionOf(algorithm.definition.node),
        'warning',
        RULE,
        `${algorithm.definition.name} never calls self.set_start_date(...): the backtest starts at LEAN's default start date; set the dates in initialize`,
      ),
    ];
  },
};
