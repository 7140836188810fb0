import type { Route, RouteContext } from './emulator-routes.js';
import { parseInput } from './request-input.js';
import { AiFilesRequest } from './request-schemas.js';

const RESPONSE_VERSION = '2.0';

/**
 * `ai/tools/syntax-check` (payload: a list of build lines) and `ai/tools/backtest-init` (payload: one
 * string, as QuantConnect's published description has it). `state` is "End", or "Error" when either
 * found a problem.
 */
export function aiToolRoutes(context: RouteContext): Record<string, Route> {
  const { engine } = context;
  return {
    'ai/tools/syntax-check': (input) => {
      const { files } = parseInput(AiFilesRequest, input);
      const check = engine.checkSyntax(files);
      return {
        state: check.ok ? 'End' : 'Error',
        version: RESPONSE_VERSION,
        payload: check.lines,
        payloadType: 'StringArray',
      };
    },

    'ai/tools/backtest-init': (input) => {
      const { files } = parseInput(AiFilesRequest, input);
      const check = engine.checkInitialization(files);
      return {
        state: check.ok ? 'End' : 'Error',
        version: RESPONSE_VERSION,
        payload: check.ok ? 'The algorithm initialized without errors.' : check.messages.join('\n'),
        payloadType: 'String',
      };
    },
  };
}
