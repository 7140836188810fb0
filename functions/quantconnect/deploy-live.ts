import { optionalEnvironment } from '../shared/environment.js';
import { ConfigurationError, TransientError, UserInputError } from '../shared/errors.js';
import type { Diagnostic } from '../validator/diagnostic.js';
import { parseCompileLogs } from './compile-errors.js';
import { isPaperBrokerage, type LiveBrokerage } from './live-request.js';
import type { LiveDeployment, QuantConnect } from './port.js';
import { compileProject } from './push-project.js';

/** Must be true (or 1) before QuantCoder deploys anything live, paper included. */
export const ALLOW_LIVE_DEPLOY = 'QUANTCODER_ALLOW_LIVE_DEPLOY';
/** Must also be true (or 1) before QuantCoder deploys to a brokerage that trades real money. */
export const ALLOW_REAL_MONEY_DEPLOY = 'QUANTCODER_ALLOW_REAL_MONEY_DEPLOY';

const DEFAULT_COMPILE_TIMEOUT_MS = 300_000;

/** The project did not build, so nothing was deployed; `diagnostics` say where, by file and line. */
export class LiveDeployBuildError extends UserInputError {
  override readonly name: string = 'LiveDeployBuildError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(message: string, diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(message, options);
    this.diagnostics = diagnostics;
  }
}

/** QuantConnect was still compiling when the wait ran out; nothing was deployed. */
export class LiveDeployCompileTimeoutError extends TransientError {
  override readonly name: string = 'LiveDeployCompileTimeoutError';
  readonly projectId: number;
  readonly compileId: string;
  constructor(message: string, details: { projectId: number; compileId: string; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.projectId = details.projectId;
    this.compileId = details.compileId;
  }
}

export interface DeployProjectLiveOptions {
  projectId: number;
  /** A successful compile to deploy; when unset the project is compiled first. */
  compileId?: string;
  brokerage: LiveBrokerage;
  /** A live node id (or name); the first free live node when unset. */
  nodeId?: string;
  sleep: (milliseconds: number) => Promise<void>;
  now?: () => number;
  /** How long to wait for the compile. Default 5 minutes. */
  compileTimeoutMs?: number;
  /** The project's file names, so build errors land on the right file; by default the names the build log gives. */
  fileNames?: readonly string[];
}

/** A live deployment and what was deployed. */
export interface ProjectLiveDeployment extends LiveDeployment {
  projectId: number;
  compileId: string;
}

/**
 * Deploys a QuantConnect project live: compiles it first when no compileId is given (waiting, bounded, for
 * BuildSuccess; a build error is a LiveDeployBuildError with file and line), then starts it on a free live node.
 * Callers check `checkLiveDeployAllowed` (or their own allow-list) before calling.
 */
export async function deployProjectLive(
  quantConnect: QuantConnect,
  options: DeployProjectLiveOptions,
): Promise<ProjectLiveDeployment> {
  const { projectId } = options;
  const compileId = options.compileId ?? (await compileForDeployment(quantConnect, options));
  const deployment = await quantConnect.deployLive({
    projectId,
    compileId,
    brokerage: options.brokerage,
    ...(options.nodeId === undefined ? {} : { nodeId: options.nodeId }),
  });
  return { ...deployment, projectId, compileId };
}

async function compileForDeployment(
  quantConnect: QuantConnect,
  options: DeployProjectLiveOptions,
): Promise<string> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.compileTimeoutMs ?? DEFAULT_COMPILE_TIMEOUT_MS;
  const compile = await compileProject(quantConnect, options.projectId, {
    sleep: options.sleep,
    now,
    deadline: now() + timeoutMs,
  });
  if (compile.state === 'BuildError') {
    const names = options.fileNames === undefined ? undefined : new Set(options.fileNames);
    const diagnostics = parseCompileLogs(compile.logs, names);
    throw new LiveDeployBuildError(
      `Project ${options.projectId} did not build on QuantConnect, so nothing was deployed; fix ${diagnostics.length === 1 ? 'this error' : `these ${diagnostics.length} errors`} and deploy again.`,
      diagnostics,
    );
  }
  if (compile.state === 'InQueue') {
    throw new LiveDeployCompileTimeoutError(
      `QuantConnect was still compiling project ${options.projectId} after ${Math.round(timeoutMs / 1000)} s, so nothing was deployed; deploy again later with projectId ${options.projectId} and compileId ${compile.compileId}.`,
      { projectId: options.projectId, compileId: compile.compileId },
    );
  }
  return compile.compileId;
}

/**
 * Refuses a live deployment unless QUANTCODER_ALLOW_LIVE_DEPLOY is true (or 1) and the request is confirmed;
 * a brokerage other than paper also needs QUANTCODER_ALLOW_REAL_MONEY_DEPLOY. The error says what to set or pass.
 */
export function checkLiveDeployAllowed(
  environment: NodeJS.ProcessEnv,
  request: { confirmed: boolean; brokerage: LiveBrokerage },
): void {
  if (!isEnabled(environment, ALLOW_LIVE_DEPLOY)) {
    throw new ConfigurationError(
      `Live deployment is turned off: set ${ALLOW_LIVE_DEPLOY}=true where QuantCoder runs (the MCP server's environment, or your shell) to allow it. It deploys to QuantConnect's paper brokerage unless a real brokerage is named.`,
    );
  }
  if (!request.confirmed) {
    throw new UserInputError(
      'A live deployment starts an algorithm that trades on its own until it is stopped: repeat the request with confirm: true to go ahead.',
    );
  }
  if (!isPaperBrokerage(request.brokerage) && !isEnabled(environment, ALLOW_REAL_MONEY_DEPLOY)) {
    throw new ConfigurationError(
      `Brokerage ${brokerageId(request.brokerage)} trades real money, and real-money deployment is turned off: set ${ALLOW_REAL_MONEY_DEPLOY}=true as well as ${ALLOW_LIVE_DEPLOY} to allow it, or deploy with brokerage 'paper'.`,
    );
  }
}

function isEnabled(environment: NodeJS.ProcessEnv, name: string): boolean {
  const value = optionalEnvironment(name, environment)?.toLowerCase();
  return value === 'true' || value === '1';
}

function brokerageId(brokerage: LiveBrokerage): string {
  return brokerage === 'paper' ? 'paper' : JSON.stringify(brokerage.id.slice(0, 80));
}
