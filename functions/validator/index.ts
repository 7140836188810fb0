export { API_RULE, type ApiRuleId } from './api/api-rule-ids.js';
export { API_RULES, createApiRules } from './api/api-rules.js';
export { LEAN_CATALOG_URL } from './catalog/catalog-file.js';
export { type LeanCatalog, loadLeanCatalog } from './catalog/lean-catalog.js';
export { Diagnostic, formatDiagnostic, hasErrors } from './diagnostic.js';
export { type PythonEnvironment, QUANTCONNECT_ENVIRONMENT } from './environment/python-environment.js';
export { buildProject, type Project, releaseProject } from './project/project.js';
export type { PythonModule } from './project/python-module.js';
export { type ParsedPythonFile, parsePythonFile, SYNTAX_ERROR_RULE } from './python/parser.js';
export { findRule, PROJECT_RULES } from './rules.js';
export {
  compareDiagnostics,
  positionOf,
  type SourcePosition,
  START_OF_FILE,
  sortDiagnostics,
  staticDiagnostic,
} from './static-diagnostic.js';
export { type ValidateOptions, validateProject } from './validate-project.js';
export type { ValidationRule } from './validation-rule.js';
