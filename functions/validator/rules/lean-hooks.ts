/*
 * The methods LEAN calls on user classes, and how many arguments it passes (self not counted). Source: the
 * LEAN API catalog (shared qc-api catalog.json, LEAN commit 24863901): the `virtual` methods of QCAlgorithm,
 * AlphaModel, PortfolioConstructionModel, RiskManagementModel, ExecutionModel, UniverseSelectionModel and its
 * fundamental, option and future subclasses, PythonData (BaseData) and PythonIndicator, with their `arity`
 * and parameter names (given here in snake_case). `initialize` is left to the algorithm-class rule.
 * The family members are the catalog's classes whose base chain reaches the family's root, plus LEAN's Python
 * framework modules (`python_modules`) deriving from them.
 */

/** A kind of user class LEAN calls back into. */
export type LeanFamily =
  | 'algorithm'
  | 'alpha'
  | 'portfolio'
  | 'risk'
  | 'execution'
  | 'universe'
  | 'fundamental-universe'
  | 'option-universe'
  | 'future-universe'
  | 'custom-data'
  | 'custom-indicator';

/** A family of framework or data classes (every family but the algorithm itself). */
export type ModelFamily = Exclude<LeanFamily, 'algorithm'>;

/** A method LEAN calls: its names in both forms and the arguments it passes besides self. */
export interface LeanHook {
  snake: string;
  pascal: string;
  /** The parameters after self, in snake_case, as the catalog names them. */
  parameters: readonly string[];
  /** The fewest arguments LEAN may pass (fewer than parameters.length only for on_end_of_day). */
  fewest: number;
  /**
   * The hook whose LEAN implementation calls this one (create_targets calls determine_target_percent): a class
   * that overrides it calls this method itself, with whatever arguments it chooses.
   */
  calledFrom?: readonly string[];
}

function hook(
  snake: string,
  pascal: string,
  parameters: readonly string[],
  fewest = parameters.length,
): LeanHook {
  return { snake, pascal, parameters, fewest };
}

function inner(calledFrom: readonly string[], base: LeanHook): LeanHook {
  return { ...base, calledFrom };
}

const CREATE_TARGETS = ['create_targets', 'CreateTargets'];
const CREATE_UNIVERSES = ['create_universes', 'CreateUniverses'];

const ON_SECURITIES_CHANGED = hook('on_securities_changed', 'OnSecuritiesChanged', ['algorithm', 'changes']);

/** The hooks of each family. */
export const LEAN_HOOKS: Readonly<Record<LeanFamily, readonly LeanHook[]>> = {
  algorithm: [
    hook('on_data', 'OnData', ['slice']),
    hook('on_splits', 'OnSplits', ['splits']),
    hook('on_dividends', 'OnDividends', ['dividends']),
    hook('on_delistings', 'OnDelistings', ['delistings']),
    hook('on_symbol_changed_events', 'OnSymbolChangedEvents', ['symbols_changed']),
    hook('on_securities_changed', 'OnSecuritiesChanged', ['changes']),
    hook('on_margin_call', 'OnMarginCall', ['requests']),
    hook('on_margin_call_warning', 'OnMarginCallWarning', []),
    hook('on_end_of_day', 'OnEndOfDay', ['symbol'], 0),
    hook('on_end_of_algorithm', 'OnEndOfAlgorithm', []),
    hook('on_order_event', 'OnOrderEvent', ['order_event']),
    hook('on_assignment_order_event', 'OnAssignmentOrderEvent', ['assignment_event']),
    hook('on_brokerage_message', 'OnBrokerageMessage', ['message_event']),
    hook('on_brokerage_disconnect', 'OnBrokerageDisconnect', []),
    hook('on_brokerage_reconnect', 'OnBrokerageReconnect', []),
    hook('on_warmup_finished', 'OnWarmupFinished', []),
    hook('on_command', 'OnCommand', ['data']),
  ],
  alpha: [hook('update', 'Update', ['algorithm', 'data']), ON_SECURITIES_CHANGED],
  portfolio: [
    hook('create_targets', 'CreateTargets', ['algorithm', 'insights']),
    inner(CREATE_TARGETS, hook('determine_target_percent', 'DetermineTargetPercent', ['active_insights'])),
    inner(
      CREATE_TARGETS,
      hook('should_create_target_for_insight', 'ShouldCreateTargetForInsight', ['insight']),
    ),
    inner(CREATE_TARGETS, hook('get_target_insights', 'GetTargetInsights', [])),
    inner(CREATE_TARGETS, hook('is_rebalance_due', 'IsRebalanceDue', ['insights', 'algorithm_utc'])),
    ON_SECURITIES_CHANGED,
  ],
  risk: [hook('manage_risk', 'ManageRisk', ['algorithm', 'targets']), ON_SECURITIES_CHANGED],
  execution: [
    hook('execute', 'Execute', ['algorithm', 'targets']),
    hook('on_order_event', 'OnOrderEvent', ['algorithm', 'order_event']),
    ON_SECURITIES_CHANGED,
  ],
  universe: [
    hook('create_universes', 'CreateUniverses', ['algorithm']),
    hook('get_next_refresh_time_utc', 'GetNextRefreshTimeUtc', []),
  ],
  'fundamental-universe': [
    inner(CREATE_UNIVERSES, hook('select', 'Select', ['algorithm', 'fundamental'])),
    inner(CREATE_UNIVERSES, hook('select_coarse', 'SelectCoarse', ['algorithm', 'coarse'])),
    inner(CREATE_UNIVERSES, hook('select_fine', 'SelectFine', ['algorithm', 'fine'])),
  ],
  'option-universe': [inner(CREATE_UNIVERSES, hook('filter', 'Filter', ['filter']))],
  'future-universe': [inner(CREATE_UNIVERSES, hook('filter', 'Filter', ['filter']))],
  'custom-data': [
    hook('get_source', 'GetSource', ['config', 'date', 'is_live_mode']),
    hook('reader', 'Reader', ['config', 'line', 'date', 'is_live_mode']),
    hook('requires_mapping', 'RequiresMapping', []),
    hook('is_sparse_data', 'IsSparseData', []),
    hook('default_resolution', 'DefaultResolution', []),
    hook('supported_resolutions', 'SupportedResolutions', []),
    hook('data_time_zone', 'DataTimeZone', []),
  ],
  'custom-indicator': [hook('update', 'Update', ['input'])],
};

/** The LEAN class each family is rooted at, as messages name it. */
export const FAMILY_ROOTS: Readonly<Record<LeanFamily, string>> = {
  algorithm: 'QCAlgorithm',
  alpha: 'AlphaModel',
  portfolio: 'PortfolioConstructionModel',
  risk: 'RiskManagementModel',
  execution: 'ExecutionModel',
  universe: 'UniverseSelectionModel',
  'fundamental-universe': 'FundamentalUniverseSelectionModel',
  'option-universe': 'OptionUniverseSelectionModel',
  'future-universe': 'FutureUniverseSelectionModel',
  'custom-data': 'PythonData',
  'custom-indicator': 'PythonIndicator',
};

// biome-ignore format: a word list reads better packed than one word per line
const UNIVERSE_MODELS = [
  'CoarseFundamentalUniverseSelectionModel', 'CompositeUniverseSelectionModel', 'CustomUniverseSelectionModel',
  'ETFConstituentsUniverseSelectionModel', 'EmaCrossUniverseSelectionModel', 'EnergyETFUniverse',
  'FineFundamentalUniverseSelectionModel', 'FundamentalUniverseSelectionModel', 'FutureUniverseSelectionModel',
  'FuturesUniverseSelectionModel', 'InceptionDateUniverseSelectionModel', 'LiquidETFUniverse',
  'ManualUniverseSelectionModel', 'MetalsETFUniverse', 'NullUniverseSelectionModel',
  'OpenInterestFutureUniverseSelectionModel', 'OptionChainedUniverseSelectionModel', 'OptionUniverseSelectionModel',
  'QC500UniverseSelectionModel', 'SP500SectorsETFUniverse', 'ScheduledUniverseSelectionModel', 'TechnologyETFUniverse',
  'USTreasuriesETFUniverse', 'UniverseSelectionModel', 'VolatilityETFUniverse',
];

/** The LEAN classes of each family (besides QCAlgorithm, which the environment names). */
// biome-ignore format: a word list reads better packed than one word per line
export const FAMILY_MEMBERS: Readonly<Record<ModelFamily, ReadonlySet<string>>> = {
  alpha: new Set([
    'AlphaModel', 'BasePairsTradingAlphaModel', 'CompositeAlphaModel', 'ConstantAlphaModel', 'EmaCrossAlphaModel',
    'HistoricalReturnsAlphaModel', 'MacdAlphaModel', 'NullAlphaModel', 'PearsonCorrelationPairsTradingAlphaModel',
    'RsiAlphaModel',
  ]),
  portfolio: new Set([
    'AccumulativeInsightPortfolioConstructionModel', 'BlackLittermanOptimizationPortfolioConstructionModel',
    'ConfidenceWeightedPortfolioConstructionModel', 'EqualWeightingPortfolioConstructionModel',
    'InsightWeightingPortfolioConstructionModel', 'MeanReversionPortfolioConstructionModel',
    'MeanVarianceOptimizationPortfolioConstructionModel', 'NullPortfolioConstructionModel',
    'PortfolioConstructionModel', 'RiskParityPortfolioConstructionModel', 'SectorWeightingPortfolioConstructionModel',
  ]),
  risk: new Set([
    'CompositeRiskManagementModel', 'MaximumDrawdownPercentPerSecurity', 'MaximumDrawdownPercentPortfolio',
    'MaximumSectorExposureRiskManagementModel', 'MaximumUnrealizedProfitPercentPerSecurity', 'NullRiskManagementModel',
    'RiskManagementModel', 'TrailingStopRiskManagementModel',
  ]),
  execution: new Set([
    'ExecutionModel', 'ImmediateExecutionModel', 'NullExecutionModel', 'SpreadExecutionModel',
    'StandardDeviationExecutionModel', 'VolumeWeightedAveragePriceExecutionModel',
  ]),
  universe: new Set(UNIVERSE_MODELS),
  'fundamental-universe': new Set([
    'CoarseFundamentalUniverseSelectionModel', 'EmaCrossUniverseSelectionModel', 'FineFundamentalUniverseSelectionModel',
    'FundamentalUniverseSelectionModel', 'QC500UniverseSelectionModel',
  ]),
  'option-universe': new Set(['OptionUniverseSelectionModel']),
  'future-universe': new Set([
    'FutureUniverseSelectionModel', 'FuturesUniverseSelectionModel', 'OpenInterestFutureUniverseSelectionModel',
  ]),
  'custom-data': new Set(['PythonData']),
  'custom-indicator': new Set(['PythonIndicator']),
};

const MODEL_FAMILIES: readonly ModelFamily[] = [
  'alpha',
  'portfolio',
  'risk',
  'execution',
  'universe',
  'fundamental-universe',
  'option-universe',
  'future-universe',
  'custom-data',
  'custom-indicator',
];

/** The families a set of LEAN base-class names puts a class in. */
export function familiesOfLeanNames(names: ReadonlySet<string>): ModelFamily[] {
  return MODEL_FAMILIES.filter((family) => [...names].some((name) => FAMILY_MEMBERS[family].has(name)));
}
