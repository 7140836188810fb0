export { type ModelConfiguration, readModelConfiguration } from './configuration.js';
export { describeRouting, describeRoutingJson, type RoutingDescription } from './describe.js';
export { createFallbackModel, FALLBACK_ERROR_NAMES, ModelsUnavailableError } from './fallback-model.js';
export { type ModelRoute, ROLE_DEFAULTS, VENDOR_PROVIDERS } from './providers.js';
export { planRoutes, type RolePlan } from './route-plan.js';
export { createModelRouter, type ModelRouterOptions, type VendorModelFactory } from './router.js';
