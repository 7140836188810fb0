/**
 * The QuantConnect port: the subset of QuantConnect's REST API v2 the pipeline uses, in its own
 * vocabulary (see ../shared/qc-api/REST.md). The in-process emulator implements it now; the REST
 * client implements it against the real service.
 */

export type CompileState = 'InQueue' | 'BuildSuccess' | 'BuildError';

export interface CompileResult {
  compileId: string;
  state: CompileState;
  /** Compiler output lines; on BuildError they carry file and line. */
  logs: string[];
}

export interface InitializeCheck {
  ok: boolean;
  /** Initialization errors, stack traces included, as QuantConnect prints them; at least one when not ok. */
  messages: string[];
}

export interface BacktestSnapshot {
  backtestId: string;
  name: string;
  /** QuantConnect's status text: "In Queue...", "Running: 40%", "Completed.", "Runtime Error". */
  status: string;
  completed: boolean;
  progress: number;
  error: string | null;
  stacktrace: string | null;
  /** Empty until the backtest is done; then QuantConnect's string values ("12.5%", "$3.44"). */
  statistics: Record<string, string>;
  /** True when the numbers come from the emulator, not from QuantConnect. */
  emulated: boolean;
}

/**
 * Whether QuantConnect is done with a backtest: it has an error or a stack trace, or it is completed and its
 * statistics are in (they are an empty list until then). See ../shared/qc-api/REST.md.
 */
export function isBacktestDone(snapshot: BacktestSnapshot): boolean {
  return (
    snapshot.error !== null ||
    snapshot.stacktrace !== null ||
    (snapshot.completed && Object.keys(snapshot.statistics).length > 0)
  );
}

export interface ChartPoint {
  time: number;
  value: number;
}

export type ChartRead = { status: 'loading'; progress: number } | { status: 'ready'; points: ChartPoint[] };

export interface ProjectRef {
  projectId: number;
  url: string;
}

/** What to deploy live, and where. */
export interface LiveDeployRequest {
  projectId: number;
  compileId: string;
  /** 'paper' is QuantConnect's paper brokerage; anything else is a real brokerage id with its settings. */
  brokerage: 'paper' | { id: string; settings: Record<string, string> };
  /** A live node id; the first free live node of the project when unset. */
  nodeId?: string;
}

/** A live deployment as QuantConnect started it. */
export interface LiveDeployment {
  /** `L-<hex32>`. */
  deployId: string;
  /** QuantConnect's live status: InQueue, Initializing, Running, RuntimeError, ... */
  status: string;
  /** The project's live results page. */
  url: string;
  /** 'paper', or the real brokerage's id. */
  brokerage: string;
  nodeId: string;
  /** True when the emulator took the deployment: nothing trades. */
  emulated: boolean;
}

export interface QuantConnect {
  /** True for the emulator; every result it gives is labelled emulated. */
  readonly emulated: boolean;
  createProject(name: string): Promise<ProjectRef>;
  /** Creates or replaces each file in the project. */
  writeFiles(projectId: number, files: ReadonlyArray<{ name: string; content: string }>): Promise<void>;
  createCompile(projectId: number): Promise<CompileResult>;
  /**
   * QuantConnect's quick initialization check (`ai/tools/backtest-init`): runs `initialize` for a few
   * seconds on these files, without a compile or a backtest. Errors carry stack traces with file and line.
   */
  checkInitialization(files: ReadonlyArray<{ name: string; content: string }>): Promise<InitializeCheck>;
  readCompile(projectId: number, compileId: string): Promise<CompileResult>;
  createBacktest(
    projectId: number,
    compileId: string,
    name: string,
    parameters?: Record<string, string>,
  ): Promise<{ backtestId: string }>;
  readBacktest(projectId: number, backtestId: string): Promise<BacktestSnapshot>;
  readChart(projectId: number, backtestId: string, chart: string): Promise<ChartRead>;
  backtestUrl(projectId: number, backtestId: string): string;
  /**
   * Starts live trading of a successful compile (`live/create`) on the given live node, or on the first free
   * one. Never retried after an ambiguous failure: a second deployment would trade too.
   */
  deployLive(request: LiveDeployRequest): Promise<LiveDeployment>;
}
