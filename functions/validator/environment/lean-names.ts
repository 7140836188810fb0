/*
 * Names that `from AlgorithmImports import *` brings into a module, as far as the validator needs them:
 * the LEAN types generated code uses most (each is in the LEAN API catalog's `globals`), the System names
 * AlgorithmImports star-imports, and the Python names it binds (its `python_names`, plus `typing.*`).
 * This is a subset on purpose: the catalog-based checks can pass the catalog's full `globals` instead
 * (PythonEnvironment.algorithmImportsNames).
 */

/** LEAN types generated algorithms name most often. */
// biome-ignore format: a word list reads better packed than one word per line
export const COMMON_LEAN_NAMES: readonly string[] = [
  'AccountType', 'AccumulativeInsightPortfolioConstructionModel', 'AlphaModel', 'AroonOscillator',
  'AverageDirectionalIndex', 'AverageTrueRange', 'BaseData', 'BasePairsTradingAlphaModel', 'Beta',
  'BlackLittermanOptimizationPortfolioConstructionModel', 'BollingerBands', 'BrokerageModel',
  'BrokerageName', 'BuyingPowerModel', 'Cash', 'CashBook', 'ChandeMomentumOscillator', 'Chart', 'ChartType',
  'CoarseFundamental', 'CoarseFundamentalUniverseSelectionModel', 'CommodityChannelIndex',
  'CompositeAlphaModel', 'CompositeRiskManagementModel', 'ConfidenceWeightedPortfolioConstructionModel',
  'ConstantAlphaModel', 'ConstantFeeModel', 'ConstantSlippageModel', 'Correlation', 'Crypto', 'Currencies',
  'DataConsolidator', 'DataMappingMode', 'DataNormalizationMode', 'DateRules', 'DefaultBrokerageModel',
  'Delay', 'DonchianChannel', 'DoubleExponentialMovingAverage', 'ETFConstituentData',
  'ETFConstituentUniverse', 'ETFConstituentsUniverseSelectionModel', 'EmaCrossAlphaModel',
  'EmaCrossUniverseSelectionModel', 'EqualWeightingPortfolioConstructionModel', 'Equity', 'EquityFillModel',
  'ExecutionModel', 'Expiry', 'ExponentialMovingAverage', 'Extensions', 'Field', 'FillModel',
  'FineFundamental', 'FineFundamentalUniverseSelectionModel', 'Forex', 'FuncSecuritySeeder', 'Fundamental',
  'FundamentalUniverseSelectionModel', 'Fundamentals', 'Future', 'FutureUniverseSelectionModel', 'Futures',
  'FuturesChain', 'FuturesChains', 'FuturesContract', 'Globals', 'HistoricalReturnsAlphaModel',
  'HullMovingAverage', 'IchimokuKinkoHyo', 'Identity', 'ImmediateExecutionModel', 'ImmediateFillModel',
  'Indicator', 'IndicatorBase', 'IndicatorDataPoint', 'Insight', 'InsightCollection', 'InsightDirection',
  'InsightScore', 'InsightScoreType', 'InsightType', 'InsightWeightingPortfolioConstructionModel',
  'InteractiveBrokersBrokerageModel', 'InteractiveBrokersFeeModel', 'KaufmanAdaptiveMovingAverage',
  'KeltnerChannels', 'Language', 'LimitOrder', 'LinearWeightedMovingAverage', 'LogReturn', 'MacdAlphaModel',
  'ManualUniverseSelectionModel', 'Market', 'MarketOnCloseOrder', 'MarketOnOpenOrder', 'MarketOrder',
  'Maximum', 'MaximumDrawdownPercentPerSecurity', 'MaximumDrawdownPercentPortfolio',
  'MaximumSectorExposureRiskManagementModel', 'MaximumUnrealizedProfitPercentPerSecurity',
  'MeanVarianceOptimizationPortfolioConstructionModel', 'Minimum', 'Momentum', 'MomentumPercent',
  'MoneyFlowIndex', 'MorningstarEconomySphereCode', 'MorningstarIndustryCode',
  'MorningstarIndustryGroupCode', 'MorningstarSectorCode', 'MovingAverageConvergenceDivergence',
  'MovingAverageType', 'NullAlphaModel', 'NullBuyingPowerModel', 'NullExecutionModel',
  'NullPortfolioConstructionModel', 'NullRiskManagementModel', 'ObjectStore', 'OnBalanceVolume', 'Option',
  'OptionChain', 'OptionChains', 'OptionContract', 'OptionPriceModels', 'OptionRight', 'OptionStrategies',
  'OptionStyle', 'OptionUniverseSelectionModel', 'Order', 'OrderDirection', 'OrderEvent', 'OrderFee',
  'OrderProperties', 'OrderStatus', 'OrderTicket', 'OrderType', 'ParabolicStopAndReverse',
  'PatternDayTradingMarginModel', 'Portfolio', 'PortfolioBias', 'PortfolioConstructionModel',
  'PortfolioTarget', 'PortfolioTargetCollection', 'PythonData', 'PythonIndicator',
  'QC500UniverseSelectionModel', 'QCAlgorithm', 'QCAlgorithmFramework', 'QCAlgorithmFrameworkBridge',
  'QuoteBar', 'QuoteBarConsolidator', 'QuoteBars', 'RateOfChange', 'RateOfChangePercent',
  'RelativeStrengthIndex', 'RenkoConsolidator', 'Resolution', 'RiskManagementModel',
  'RiskParityPortfolioConstructionModel', 'RollingWindow', 'RsiAlphaModel', 'ScatterMarkerSymbol',
  'ScheduledUniverseSelectionModel', 'SectorWeightingPortfolioConstructionModel', 'Security',
  'SecurityChanges', 'SecurityHolding', 'SecurityManager', 'SecurityMarginModel',
  'SecurityPortfolioManager', 'SecuritySeeder', 'SecurityType', 'SequentialConsolidator', 'Series',
  'SeriesType', 'SharpeRatio', 'SimpleMovingAverage', 'Slice', 'SpreadExecutionModel', 'StandardDeviation',
  'StandardDeviationExecutionModel', 'Stochastic', 'StopLimitOrder', 'StopMarketOrder',
  'SubscriptionDataSource', 'SubscriptionTransportMedium', 'Sum', 'Symbol', 'SymbolCache', 'Tick', 'Ticks',
  'TimeInForce', 'TimeRules', 'TradeBar', 'TradeBarConsolidator', 'TradeBars',
  'TrailingStopRiskManagementModel', 'TripleExponentialMovingAverage', 'Universe', 'UniverseSelectionModel',
  'UniverseSettings', 'UpdateOrderFields', 'Variance', 'VolumeShareSlippageModel',
  'VolumeWeightedAveragePriceExecutionModel', 'VolumeWeightedAveragePriceIndicator', 'WilliamsPercentR',
];

/** System names AlgorithmImports star-imports (System is not enumerated in the catalog). */
export const SYSTEM_NAMES: readonly string[] = [
  'DateTime',
  'TimeSpan',
  'DayOfWeek',
  'Color',
  'Math',
  'String',
  'Decimal',
  'Action',
  'Func',
];

/** Python names AlgorithmImports binds: its own imports (numpy as np, datetime, ...) and `from typing import *`. */
// biome-ignore format: a word list reads better packed than one word per line
export const ALGORITHM_IMPORTS_PYTHON_NAMES: readonly string[] = [
  'np', 'pd', 'plt', 'date', 'time', 'datetime', 'timedelta', 'math', 'json', 'os', 'sys', 'AddReference',
  'Any', 'Callable', 'Dict', 'Iterable', 'Iterator', 'List', 'Optional', 'Sequence', 'Set', 'Tuple', 'Type',
  'Union',
];

/** QCAlgorithm and the names LEAN assigns to it (AlgorithmImports' `assign_aliases`). */
export const ALGORITHM_BASE_CLASSES: readonly string[] = [
  'QCAlgorithm',
  'QCAlgorithmFramework',
  'QCAlgorithmFrameworkBridge',
];
