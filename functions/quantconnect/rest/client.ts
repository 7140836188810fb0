import { z } from 'zod';
import { UserInputError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { PAPER_BROKERAGE_ID } from '../live-request.js';
import type { ChartRequest, LiveRequest, QuantConnectClientOptions, SourceText } from './client-options.js';
import { QuantConnectNotFoundError } from './errors.js';
import { type OrderPages, readOrderPages } from './order-pages.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, type RetrySafety, withRetries } from './retry-policy.js';
import {
  AiToolAnswer,
  type Backtest,
  BacktestAnswer,
  BacktestsAnswer,
  ChartAnswer,
  Compile,
  CreatedProjectAnswer,
  FilesAnswer,
  isChartLoading,
  LiveAnswer,
  type LiveDeployment,
  NodesAnswer,
  OrdersAnswer,
  type Project,
  type ProjectFile,
  type ProjectNodes,
  ProjectsAnswer,
} from './schemas.js';
import { DEFAULT_QUANTCONNECT_API_URL } from './settings.js';
import { type EndpointCall, sendRequest, type TransportSettings } from './transport.js';

export type { ChartRequest, LiveRequest, QuantConnectClientOptions, SourceText } from './client-options.js';
export type { ChartAnswer } from './schemas.js';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_CHART_POINTS = 500;
const Nothing = z.looseObject({});

/**
 * QuantConnect REST API v2, one method per endpoint. Each request is signed afresh, its answer's
 * envelope checked and its body parsed; failures are the classes in ./errors.ts, retried per
 * ./retry-policy.ts.
 */
export class QuantConnectClient {
  readonly #transport: TransportSettings;
  readonly #organizationId: string | undefined;
  readonly #policy: RetryPolicy;
  readonly #sleep: (milliseconds: number) => Promise<void>;
  readonly #logger: Logger | undefined;

  constructor(options: QuantConnectClientOptions) {
    const baseUrl = options.baseUrl ?? DEFAULT_QUANTCONNECT_API_URL;
    this.#transport = {
      userId: options.userId,
      apiToken: options.apiToken,
      baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
      // Wrapped so the global fetch is never called with another object as `this`.
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      now: options.now ?? (() => new Date()),
    };
    this.#organizationId = options.organizationId;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#sleep =
      options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.#logger = options.logger;
  }

  /** `authenticate`: resolves when the credentials are accepted. */
  async authenticate(): Promise<void> {
    await this.#call({ endpoint: 'authenticate', body: {}, schema: Nothing }, 'idempotent');
  }

  /** `projects/create` (language Py by default). The new project already holds main.py. */
  async createProject(name: string, language = 'Py'): Promise<Project> {
    const body = {
      name,
      language,
      ...(this.#organizationId ? { organizationId: this.#organizationId } : {}),
    };
    // Project names are unique per account: after a timeout the project may exist, and a resend would fail.
    const answer = await this.#call(
      { endpoint: 'projects/create', body, schema: CreatedProjectAnswer },
      'create-once',
    );
    return answer.projects[0];
  }

  /** `projects/read` for one project. */
  async readProject(projectId: number): Promise<Project> {
    const answer = await this.#call(
      { endpoint: 'projects/read', body: { projectId }, schema: ProjectsAnswer },
      'idempotent',
    );
    const project = answer.projects.find((candidate) => candidate.projectId === projectId);
    if (!project) {
      throw new QuantConnectNotFoundError(`QuantConnect projects/read: project ${projectId} not found.`, {
        endpoint: 'projects/read',
      });
    }
    return project;
  }

  /** `projects/delete`. */
  async deleteProject(projectId: number): Promise<void> {
    await this.#call({ endpoint: 'projects/delete', body: { projectId }, schema: Nothing }, 'idempotent');
  }

  /** `files/create`: fails when the name exists (main.py in a new project); use `updateFile` then. */
  async createFile(projectId: number, name: string, content: string): Promise<void> {
    // A resend after a lost answer would fail with "already exists"; the caller re-reads and updates instead.
    await this.#call(
      { endpoint: 'files/create', body: { projectId, name, content }, schema: Nothing },
      'create-once',
    );
  }

  /** `files/update`: replaces the content of an existing file. */
  async updateFile(projectId: number, name: string, content: string): Promise<void> {
    await this.#call(
      { endpoint: 'files/update', body: { projectId, name, content }, schema: Nothing },
      'idempotent',
    );
  }

  /** `files/read`: every file of the project, or the one named. */
  async readFiles(projectId: number, name?: string): Promise<ProjectFile[]> {
    const body = name === undefined ? { projectId } : { projectId, name };
    const answer = await this.#call({ endpoint: 'files/read', body, schema: FilesAnswer }, 'idempotent');
    return answer.files;
  }

  /** `files/delete`. */
  async deleteFile(projectId: number, name: string): Promise<void> {
    await this.#call({ endpoint: 'files/delete', body: { projectId, name }, schema: Nothing }, 'idempotent');
  }

  /** `compile/create`: starts a build (state InQueue). */
  async createCompile(projectId: number): Promise<Compile> {
    // A second compile of the same files is harmless; its id simply replaces the first.
    return this.#call({ endpoint: 'compile/create', body: { projectId }, schema: Compile }, 'idempotent');
  }

  /** `compile/read`: InQueue, BuildSuccess or BuildError (still `success: true`) with log lines. */
  async readCompile(projectId: number, compileId: string): Promise<Compile> {
    return this.#call(
      { endpoint: 'compile/read', body: { projectId, compileId }, schema: Compile },
      'idempotent',
    );
  }

  /** `backtests/create` from a successful compile. */
  async createBacktest(
    projectId: number,
    compileId: string,
    backtestName: string,
    parameters?: Readonly<Record<string, string>>,
  ): Promise<Backtest> {
    const body = {
      projectId,
      compileId,
      backtestName,
      ...(parameters && Object.keys(parameters).length > 0 ? { parameters } : {}),
    };
    // A duplicate backtest costs node time but breaks nothing; losing the run to one timeout costs more.
    const answer = await this.#call(
      { endpoint: 'backtests/create', body, schema: BacktestAnswer },
      'idempotent',
    );
    return answer.backtest;
  }

  /** `backtests/read`: statistics are `{}` until the backtest is done. */
  async readBacktest(projectId: number, backtestId: string): Promise<Backtest> {
    const answer = await this.#call(
      { endpoint: 'backtests/read', body: { projectId, backtestId }, schema: BacktestAnswer },
      'idempotent',
    );
    return answer.backtest;
  }

  /** `backtests/list`. */
  async listBacktests(projectId: number, options: { includeStatistics?: boolean } = {}): Promise<Backtest[]> {
    const body =
      options.includeStatistics === undefined
        ? { projectId }
        : { projectId, includeStatistics: options.includeStatistics };
    const answer = await this.#call(
      { endpoint: 'backtests/list', body, schema: BacktestsAnswer },
      'idempotent',
    );
    return answer.backtests;
  }

  /** `backtests/delete`. */
  async deleteBacktest(projectId: number, backtestId: string): Promise<void> {
    await this.#call(
      { endpoint: 'backtests/delete', body: { projectId, backtestId }, schema: Nothing },
      'idempotent',
    );
  }

  /** `backtests/chart/read`: the chart, or "loading" with a progress to ask again later. */
  async readChart(request: ChartRequest): Promise<ChartAnswer> {
    const body = {
      projectId: request.projectId,
      backtestId: request.backtestId,
      name: request.name,
      count: request.count ?? DEFAULT_CHART_POINTS,
      start: request.start ?? 0,
      end: request.end ?? Math.floor(this.#transport.now().getTime() / 1000),
    };
    return this.#call(
      { endpoint: 'backtests/chart/read', body, schema: ChartAnswer, pending: isChartLoading },
      'idempotent',
    );
  }

  /**
   * `backtests/orders/read` over [start, end) (default: all orders), paged in windows of 100 because
   * the endpoint refuses wider ones. `length` is the backtest's total as QuantConnect reports it.
   */
  async readOrders(
    projectId: number,
    backtestId: string,
    range: { start?: number; end?: number } = {},
  ): Promise<OrderPages> {
    const pages = await readOrderPages(
      (start, end) =>
        this.#call(
          {
            endpoint: 'backtests/orders/read',
            body: { projectId, backtestId, start, end },
            schema: OrdersAnswer,
          },
          'idempotent',
        ),
      range,
    );
    if (pages.truncated) this.#logger?.warn('stopped reading orders at the page limit', { backtestId });
    return { orders: pages.orders, length: pages.length };
  }

  /** `projects/nodes/read`: the backtest, live and research nodes the project may use. */
  async readProjectNodes(projectId: number): Promise<ProjectNodes> {
    const answer = await this.#call(
      { endpoint: 'projects/nodes/read', body: { projectId }, schema: NodesAnswer },
      'idempotent',
    );
    return answer.nodes;
  }

  /** `live/create`: deploys a compile to a live node (paper trading unless a brokerage is given). */
  async createLive(request: LiveRequest): Promise<LiveDeployment> {
    const body = {
      versionId: request.versionId ?? '-1',
      projectId: request.projectId,
      compileId: request.compileId,
      nodeId: request.nodeId,
      brokerage: request.brokerage ?? { id: PAPER_BROKERAGE_ID },
    };
    // Never resent after an ambiguous failure: a second deployment would trade too.
    return this.#call({ endpoint: 'live/create', body, schema: LiveAnswer }, 'create-once');
  }

  /** `live/read`: the deployment's status (Running, RuntimeError, Stopped, ...). */
  async readLive(projectId: number, deployId: string): Promise<LiveDeployment> {
    return this.#call(
      { endpoint: 'live/read', body: { projectId, deployId }, schema: LiveAnswer },
      'idempotent',
    );
  }

  /** `ai/tools/backtest-init`: runs `initialize` for a few seconds; `state` "Error" carries the errors in `payload`. */
  async checkBacktestInitialization(files: readonly SourceText[]): Promise<AiToolAnswer> {
    if (!files.some((file) => file.name === 'main.py')) {
      throw new UserInputError("QuantConnect's initialization check needs a main.py among the files.");
    }
    return this.#aiTool('ai/tools/backtest-init', files);
  }

  /** `ai/tools/syntax-check`: `state` "End" or "Error", with messages in `payload`. */
  async checkSyntax(files: readonly SourceText[]): Promise<AiToolAnswer> {
    return this.#aiTool('ai/tools/syntax-check', files);
  }

  async #aiTool(endpoint: string, files: readonly SourceText[]): Promise<AiToolAnswer> {
    const body = { language: 'Py', files: files.map(({ name, content }) => ({ name, content })) };
    return this.#call({ endpoint, body, schema: AiToolAnswer, envelope: 'optional' }, 'idempotent');
  }

  async #call<T>(call: EndpointCall<T>, safety: RetrySafety): Promise<T> {
    return withRetries(() => sendRequest(this.#transport, call), {
      policy: this.#policy,
      safety,
      sleep: this.#sleep,
      now: this.#transport.now,
      onRetry: ({ attempt, delayMs, error }) =>
        this.#logger?.warn('QuantConnect request failed; retrying', {
          endpoint: call.endpoint,
          attempt,
          delayMs,
          error: error.name,
          reason: error.message,
        }),
    });
  }
}
