import { z } from 'zod';
import { FileOwner, PROJECT_FILE_NAME } from './roles.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const PythonIdentifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Python identifier');

/** The trading logic families QuantCoder knows how to write well. */
export const StrategyKind = z.enum(['momentum', 'mean_reversion', 'ma_crossover', 'rsi', 'breakout']);
export type StrategyKind = z.infer<typeof StrategyKind>;

export const Rebalance = z.enum(['daily', 'weekly', 'monthly']);
export type Rebalance = z.infer<typeof Rebalance>;

/** A value a generated constructor or the algorithm takes, with its Python type. */
export const ParameterValue = z.object({
  name: PythonIdentifier,
  type: z.enum(['int', 'float', 'str', 'bool', 'list[str]']),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
  description: z.string(),
});
export type ParameterValue = z.infer<typeof ParameterValue>;

/** One file of the project and the class it must define: the interface contract between agents. */
export const FileContract = z.object({
  file: z.string().regex(PROJECT_FILE_NAME, 'file names are lower-case Python modules such as alpha.py'),
  owner: FileOwner,
  className: PythonIdentifier,
  baseClass: z.string(),
  constructorParameters: z.array(ParameterValue),
  responsibility: z.string(),
});
export type FileContract = z.infer<typeof FileContract>;

export const UniverseSpec = z.object({
  kind: z.enum(['fixed', 'top_dollar_volume', 'sector']),
  tickers: z.array(z.string().regex(/^[A-Z][A-Z0-9.]{0,9}$/)).describe('for kind=fixed'),
  size: z
    .number()
    .int()
    .positive()
    .max(1000)
    .describe('number of securities for top_dollar_volume and sector'),
  sector: z.string().nullable().describe('Morningstar sector name for kind=sector, for example Technology'),
  minPrice: z.number().nonnegative(),
  description: z.string(),
});
export type UniverseSpec = z.infer<typeof UniverseSpec>;

export const StrategySpec = z.object({
  kind: StrategyKind,
  description: z.string(),
  direction: z.enum(['long_only', 'long_short']),
  rebalance: Rebalance,
  lookbackDays: z.number().int().positive().max(756),
  fastPeriod: z.number().int().positive().max(400),
  slowPeriod: z.number().int().positive().max(800),
  rsiPeriod: z.number().int().positive().max(200),
  oversold: z.number().min(0).max(100),
  overbought: z.number().min(0).max(100),
  entryZScore: z.number().positive().max(10),
  topFraction: z.number().positive().max(1).describe('momentum: share of the universe held long'),
  movingAverage: z.enum(['sma', 'ema']).optional().describe('ma_crossover: simple or exponential averages'),
});
export type StrategySpec = z.infer<typeof StrategySpec>;

export const PortfolioSpec = z.object({
  weighting: z.enum(['equal', 'insight', 'risk_per_trade']),
  custom: z.boolean().describe('true when portfolio.py is generated instead of a built-in LEAN model'),
  riskPerTrade: z.number().positive().max(0.2).nullable().describe('fraction of equity risked per position'),
  maxPositionWeight: z.number().positive().max(1),
  description: z.string(),
});
export type PortfolioSpec = z.infer<typeof PortfolioSpec>;

export const RiskSpec = z.object({
  maxDrawdownPerSecurity: z.number().positive().max(1).nullable(),
  trailingStop: z.number().positive().max(1).nullable(),
  maxPortfolioDrawdown: z.number().positive().max(1).nullable(),
  description: z.string(),
});
export type RiskSpec = z.infer<typeof RiskSpec>;

export const BacktestSpec = z.object({
  startDate: IsoDate,
  endDate: IsoDate,
  cash: z.number().positive().max(1e10),
  benchmark: z.string(),
});
export type BacktestSpec = z.infer<typeof BacktestSpec>;

/** The coordinator's output: the strategy spec plus the interface contract every other agent writes to. */
export const Plan = z.object({
  projectName: z
    .string()
    .regex(/^[a-z][a-z0-9-]{2,48}$/, 'project names are lower-case words joined by hyphens'),
  title: z.string().min(3).max(120),
  summary: z.string(),
  strategy: StrategySpec,
  universe: UniverseSpec,
  portfolio: PortfolioSpec,
  risk: RiskSpec,
  backtest: BacktestSpec,
  contract: z.object({
    files: z.array(FileContract).min(4),
    sharedParameters: z.array(ParameterValue),
  }),
  assumptions: z.array(z.string()).describe('choices the coordinator made where the idea was silent'),
  notUnderstood: z.array(z.string()).describe('parts of the idea the coordinator could not turn into a spec'),
});
export type Plan = z.infer<typeof Plan>;

/**
 * What the coordinator model writes: the plan without its contract. The contract (files, class
 * names, constructor parameters) follows from the spec, so code derives it and no model can get it
 * inconsistent; it also keeps the coordinator's answer, the first step of every run, short.
 */
export const PlanDraft = Plan.omit({ contract: true });
export type PlanDraft = z.infer<typeof PlanDraft>;

/** The contract entry for a file owner, or undefined when the plan does not have that file. */
export function contractFor(plan: Plan, owner: FileOwner): FileContract | undefined {
  return plan.contract.files.find((file) => file.owner === owner);
}
