import { z } from 'zod';

// Every object schema is loose: QuantConnect adds fields over time, and an unknown field is never an error.

/** A project id is an integer; the same number sent as a string is tolerated. */
const ProjectId = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
/** compileId `<hex32>-<hex32>`, backtestId hex32, deployId `L-<hex32>`: read as opaque, non-empty strings. */
const OpaqueId = z.string().min(1);

const Text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
/** QuantConnect sends an absent error as null or as an empty string; both mean "no error". */
const OptionalText = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() !== '' ? value : null));
const Flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

const StringValues = z.record(z.string(), z.union([z.string(), z.number().transform(String)]));
/** Statistics are an EMPTY ARRAY until a backtest is done, then an object of strings. */
const Statistics = z
  .union([z.array(z.unknown()).transform((): Record<string, string> => ({})), StringValues])
  .nullish()
  .transform((value) => value ?? {});

const Messages = z
  .union([z.array(z.unknown()), z.string()])
  .nullish()
  .transform((value): string[] => {
    if (value === null || value === undefined) return [];
    if (typeof value === 'string') return value.trim() === '' ? [] : [value];
    return value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
  });

/** The fields every answer may carry: `success` and the server's `errors`. */
export const Envelope = z.looseObject({
  success: z.boolean().optional(),
  errors: Messages,
});

export const Project = z.looseObject({ projectId: ProjectId, name: Text });
export type Project = z.infer<typeof Project>;
export const ProjectsAnswer = z.looseObject({ projects: z.array(Project) });
/** projects/create answers with the new project first. */
export const CreatedProjectAnswer = z.looseObject({ projects: z.tuple([Project], Project) });

export const ProjectFile = z.looseObject({
  name: z.string().min(1),
  content: z.string().optional(),
  modified: z.string().nullish(),
});
export type ProjectFile = z.infer<typeof ProjectFile>;
export const FilesAnswer = z.looseObject({
  files: z
    .array(ProjectFile)
    .nullish()
    .transform((value) => value ?? []),
});

export const Compile = z.looseObject({
  compileId: OpaqueId,
  state: z.enum(['InQueue', 'BuildSuccess', 'BuildError']),
  logs: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
});
export type Compile = z.infer<typeof Compile>;

export const Backtest = z.looseObject({
  backtestId: OpaqueId,
  name: Text,
  status: Text,
  completed: Flag,
  progress: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
  error: OptionalText,
  stacktrace: OptionalText,
  hasInitializeError: Flag,
  statistics: Statistics,
  runtimeStatistics: Statistics,
  /** The simulated period, as LEAN writes dates; the chart endpoint wants it in unix seconds. */
  backtestStart: z.string().nullish(),
  backtestEnd: z.string().nullish(),
});
export type Backtest = z.infer<typeof Backtest>;
export const BacktestAnswer = z.looseObject({ backtest: Backtest });
export const BacktestsAnswer = z.looseObject({
  backtests: z
    .array(Backtest)
    .nullish()
    .transform((value) => value ?? []),
});

/** One chart value: `[t, y]`, a candle `[t, open, high, low, close]`, or the older `{x, y}`. */
export const ChartValue = z.union([
  z.array(z.number().nullable()),
  z.looseObject({ x: z.union([z.number(), z.string()]), y: z.number().nullable() }),
]);
export type ChartValue = z.infer<typeof ChartValue>;
export const ChartSeries = z.looseObject({
  name: z.string().optional(),
  values: z
    .array(ChartValue)
    .nullish()
    .transform((value) => value ?? []),
});
export type ChartSeries = z.infer<typeof ChartSeries>;
export const Chart = z.looseObject({
  name: z.string().optional(),
  series: z
    .record(z.string(), ChartSeries)
    .nullish()
    .transform((value) => value ?? {}),
});
export type Chart = z.infer<typeof Chart>;
export const ChartReadyAnswer = z.looseObject({ chart: Chart });
export const ChartLoadingAnswer = z.looseObject({
  status: z.string().regex(/^loading$/i),
  progress: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
});

export const Order = z.looseObject({ id: z.number().int().optional() });
export type Order = z.infer<typeof Order>;
export const OrdersAnswer = z.looseObject({
  orders: z
    .array(Order)
    .nullish()
    .transform((value) => value ?? []),
  /** The total number of orders the backtest placed. */
  length: z.number().int().nonnegative().nullish(),
});

const Node = z.looseObject({
  id: OpaqueId,
  name: z.string().optional(),
  busy: Flag,
  hasGpu: z
    .union([z.boolean(), z.number()])
    .nullish()
    .transform((value) => Boolean(value)),
});
export type ProjectNode = z.infer<typeof Node>;
const NodeList = z
  .array(Node)
  .nullish()
  .transform((value) => value ?? []);
export const NodesAnswer = z.looseObject({
  nodes: z.looseObject({ backtest: NodeList, live: NodeList, research: NodeList }),
});
export type ProjectNodes = z.infer<typeof NodesAnswer>['nodes'];

const LiveFields = z.looseObject({ deployId: OpaqueId.optional(), status: z.string().optional() });
/** A live deployment's id and status, found at the top level or under `live`. */
export const LiveAnswer = LiveFields.extend({ live: LiveFields.nullish() }).transform((answer, context) => {
  const deployId = answer.deployId ?? answer.live?.deployId;
  if (deployId === undefined) {
    context.issues.push({ code: 'custom', message: 'no deployId in the answer', input: answer });
    return z.NEVER;
  }
  return { deployId, status: answer.status ?? answer.live?.status ?? '' };
});
export type LiveDeployment = z.infer<typeof LiveAnswer>;

/** `ai/tools/*` answers: `state` ("End", "Error") and `payload`, a string or a list of strings. */
export const AiToolAnswer = z.looseObject({ state: z.string(), payload: Messages });
export type AiToolAnswer = z.infer<typeof AiToolAnswer>;

/** A chart read: QuantConnect may still be building the chart ("loading") and must then be asked again. */
export const ChartAnswer = z.union([
  ChartReadyAnswer.transform((answer) => ({ status: 'ready' as const, chart: answer.chart })),
  ChartLoadingAnswer.transform((answer) => ({ status: 'loading' as const, progress: answer.progress })),
]);
export type ChartAnswer = z.infer<typeof ChartAnswer>;

/** The "loading" answer, which may come with `success: false` and is still not a failure. */
export function isChartLoading(answer: Record<string, unknown>): boolean {
  return answer.chart === undefined && typeof answer.status === 'string' && /^loading$/i.test(answer.status);
}
