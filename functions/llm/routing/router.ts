import type { AgentRole } from '../../agents/roles.js';
import { ConfigurationError } from '../../shared/errors.js';
import { type Logger, silentLogger } from '../../shared/logger.js';
import type { Model, ModelRouter } from '../model.js';
import { createOfflineModel, OFFLINE_PROVIDER } from '../offline-model.js';
import { createVendorModel, type VendorSettings } from '../vendors/index.js';
import type { ModelConfiguration } from './configuration.js';
import { createFallbackModel } from './fallback-model.js';
import { formatRoute, type ModelRoute } from './providers.js';

/** Builds one vendor's model; the vendor adapters' factory, or a scripted fake in tests. */
export type VendorModelFactory = (settings: VendorSettings, modelId: string) => Model;

export interface ModelRouterOptions {
  /** Where a switch to a fallback vendor is reported. */
  logger?: Logger;
}

/**
 * The ModelRouter for a configuration: each role gets its primary model, backed by the other configured
 * vendors in order. Models are built on first use and shared between roles that route to the same one.
 */
export function createModelRouter(
  configuration: ModelConfiguration,
  factory: VendorModelFactory = createVendorModel,
  options: ModelRouterOptions = {},
): ModelRouter {
  const logger = options.logger ?? silentLogger;
  const models = new Map<string, Model>();
  const routers = new Map<AgentRole, Model>();

  function build(route: ModelRoute): Model {
    const key = formatRoute(route);
    const existing = models.get(key);
    if (existing) return existing;
    let model: Model;
    if (route.provider === OFFLINE_PROVIDER) {
      model = createOfflineModel();
    } else {
      const provider = route.provider;
      const settings = configuration.vendors.find((vendor) => vendor.provider === provider);
      if (!settings) {
        throw new ConfigurationError(
          `The model configuration routes to ${key}, but ${provider} is not configured. Build it with readModelConfiguration.`,
        );
      }
      model = factory(settings, route.model);
    }
    models.set(key, model);
    return model;
  }

  return (role) => {
    const existing = routers.get(role);
    if (existing) return existing;
    const plan = configuration.roles[role];
    const model = createFallbackModel([build(plan.primary), ...plan.fallbacks.map(build)], {
      onFallback: ({ from, to, error }) =>
        logger.warn('model unavailable, trying the next vendor', {
          role,
          from: `${from.provider}:${from.modelId}`,
          to: `${to.provider}:${to.modelId}`,
          error: error.message,
        }),
    });
    routers.set(role, model);
    return model;
  };
}
