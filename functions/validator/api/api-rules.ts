import { type LeanCatalog, loadLeanCatalog } from '../catalog/lean-catalog.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Project } from '../project/project.js';
import type { ValidationRule } from '../validation-rule.js';
import { analyzeProjectApi } from './api-analysis.js';
import { API_RULE, type ApiRuleId } from './api-rule-ids.js';

const DESCRIPTIONS: Record<ApiRuleId, string> = {
  [API_RULE.unknownAlgorithmMember]:
    'self.X (or algorithm.X in a framework hook) names a QCAlgorithm member or something the algorithm class defines.',
  [API_RULE.unknownEnumMember]: 'An enum member (Resolution.DAILY, OptionRight.CALL) exists in LEAN.',
  [API_RULE.unknownTypeMember]:
    'A static member, constant or nested type of a LEAN type (Market.USA, Futures.Indices.SP_500_E_MINI) exists.',
  [API_RULE.namingForm]:
    'A LEAN name is spelled as its C# name or its snake_case/UPPER_SNAKE alias, not a mix (set_startDate, Resolution.daily).',
  [API_RULE.callArity]:
    'A call to a LEAN method or constructor passes a number of arguments some overload takes.',
  [API_RULE.callKeyword]:
    'Keyword arguments of a LEAN call name its parameters, in the naming form of the method name used.',
  [API_RULE.obsoleteMember]: 'LEAN members marked obsolete are avoided (warning).',
  [API_RULE.readonlyProperty]: 'Read-only LEAN properties are not assigned (warning).',
  [API_RULE.unknownAttribute]:
    'Attributes on values of a known LEAN type (self.portfolio[s].invested) exist on that type (warning).',
};

/**
 * The LEAN API rules. They share one analysis per project (the first rule to run computes it); the catalog is
 * loaded by `loadCatalog` when the first project is checked, and kept.
 */
export function createApiRules(loadCatalog: () => LeanCatalog = () => loadLeanCatalog()): ValidationRule[] {
  const findings = new WeakMap<Project, Diagnostic[]>();
  let catalog: LeanCatalog | undefined;
  const findingsOf = (project: Project): Diagnostic[] => {
    let found = findings.get(project);
    if (found === undefined) {
      catalog ??= loadCatalog();
      found = analyzeProjectApi(project, catalog);
      findings.set(project, found);
    }
    return found;
  };
  return (Object.keys(DESCRIPTIONS) as ApiRuleId[]).map((id) => ({
    id,
    description: DESCRIPTIONS[id],
    check: (project) => findingsOf(project).filter((diagnostic) => diagnostic.rule === id),
  }));
}

/** The LEAN API rules over the shipped catalog. */
export const API_RULES: readonly ValidationRule[] = createApiRules();
