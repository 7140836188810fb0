import type { EmulatorEngine } from '../emulator-engine.js';

/** One API endpoint: the request's parameters in, the answer's fields out (the server adds the envelope). */
export type Route = (input: Record<string, unknown>) => Record<string, unknown>;

/** What every endpoint may use: the emulated account and who owns it. */
export interface RouteContext {
  engine: EmulatorEngine;
  userId: string;
}
