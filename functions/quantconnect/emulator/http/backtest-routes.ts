import type { BacktestView } from '../backtest-store.js';
import { EmulatedRequestError } from '../emulated-request-error.js';
import type { Route, RouteContext } from './emulator-routes.js';
import { parseInput } from './request-input.js';
import {
  BacktestCreateRequest,
  BacktestListRequest,
  BacktestRequest,
  ChartReadRequest,
  OrdersReadRequest,
} from './request-schemas.js';
import { EMULATED_CHARTS, wireBacktest, wireBacktestSummary } from './wire-backtest.js';
import { wireChart } from './wire-chart.js';
import { wireOrder } from './wire-orders.js';

// QuantConnect serves at most this many orders per `backtests/orders/read`.
const ORDERS_PER_READ = 100;

/** `backtests/create|read|list|delete`, `backtests/chart/read` and `backtests/orders/read`. */
export function backtestRoutes(context: RouteContext): Record<string, Route> {
  const { engine } = context;
  const { projects, backtests } = engine;
  const wire = (view: BacktestView) =>
    wireBacktest(view, {
      organizationId: engine.organizationId,
      backtestCount: backtests.list(view.backtest.projectId).length,
    });

  return {
    'backtests/create': (input) => {
      const request = parseInput(BacktestCreateRequest, input);
      const parameters = Object.fromEntries(
        Object.entries(request.parameters ?? {}).map(([name, value]) => [name, String(value)]),
      );
      const backtest = engine.startBacktest(
        request.projectId,
        request.compileId,
        request.backtestName,
        parameters,
      );
      return { backtest: wire(backtests.peek(request.projectId, backtest.backtestId)), debugging: false };
    },

    'backtests/read': (input) => {
      const request = parseInput(BacktestRequest, input);
      projects.get(request.projectId);
      return { backtest: wire(backtests.read(request.projectId, request.backtestId)) };
    },

    'backtests/list': (input) => {
      const request = parseInput(BacktestListRequest, input);
      projects.get(request.projectId);
      const summaries = backtests
        .list(request.projectId)
        .map((view) => wireBacktestSummary(view, request.includeStatistics ?? false));
      return { backtests: summaries, count: summaries.length };
    },

    'backtests/delete': (input) => {
      const request = parseInput(BacktestRequest, input);
      projects.get(request.projectId);
      backtests.delete(request.projectId, request.backtestId);
      return {};
    },

    'backtests/chart/read': (input) => {
      const request = parseInput(ChartReadRequest, input);
      projects.get(request.projectId);
      const { backtest, state } = backtests.peek(request.projectId, request.backtestId);
      if (!EMULATED_CHARTS.includes(request.name) || backtest.outcome.kind !== 'completed') {
        throw new EmulatedRequestError(
          `Chart '${request.name}' was not found in backtest ${request.backtestId}.`,
        );
      }
      // While the backtest runs, and on the first read after, the chart is still being rendered.
      if (!state.finished) return { status: 'loading', progress: state.progress };
      const chart = backtests.readChart(request.projectId, request.backtestId, request.name);
      if (chart.status === 'loading') return { status: 'loading', progress: chart.progress };
      return { chart: wireChart(request.name, chart.points, request) };
    },

    'backtests/orders/read': (input) => {
      const request = parseInput(OrdersReadRequest, input);
      if (request.start < 0 || request.end < request.start) {
        throw new EmulatedRequestError('start must be 0 or more and end must not be before start.');
      }
      if (request.end - request.start > ORDERS_PER_READ) {
        throw new EmulatedRequestError(
          `The difference between end and start must be at most ${ORDERS_PER_READ}; read the orders in pages.`,
        );
      }
      projects.get(request.projectId);
      const available = ordersSoFar(backtests.peek(request.projectId, request.backtestId));
      const page = available.slice(request.start, request.end);
      return { orders: page.map((order) => wireOrder(order, request.backtestId)), length: available.length };
    },
  };
}

/** The orders filled up to where the backtest has got to: all of them once it is done. */
function ordersSoFar(view: BacktestView) {
  const { outcome } = view.backtest;
  if (outcome.kind !== 'completed') return [];
  if (view.state.finished) return outcome.orders;
  const points = outcome.charts['Strategy Equity'] ?? [];
  const reached = points[Math.floor(view.state.progress * Math.max(0, points.length - 1))]?.time ?? 0;
  return view.state.progress === 0 ? [] : outcome.orders.filter((order) => order.time <= reached);
}
