import { join } from 'node:path';
import { OUT_DIR_SETTING } from '../../functions/mcp/generation/local-generation.js';
import { EMULATOR_SETTING } from '../../functions/mcp/quantconnect-access.js';
import { PLAIN_SETTING_NAMES, SECRET_SETTING_NAMES } from '../../functions/shared/secret-settings.js';

/** The published CLI entry, as an MCP client configuration runs it. */
export const CLI = join(import.meta.dirname, '..', '..', 'bin', 'quantcoder.mjs');

/** Settings the MCP server reads besides the shared ones. */
const MCP_SETTING_NAMES = [
  EMULATOR_SETTING,
  OUT_DIR_SETTING,
  'STATE_MACHINE_ARN',
  'ARTIFACT_BUCKET',
  'QUANTCODER_ALLOW_LIVE_DEPLOY',
  'QUANTCODER_ALLOW_REAL_MONEY_DEPLOY',
];

/**
 * This process's environment without any QuantCoder setting from the machine (no keys, no QuantConnect
 * account, no deployment), plus `settings`: what a server child starts with in these tests.
 */
export function cliEnvironment(settings: Record<string, string>): Record<string, string> {
  const environment: Record<string, string> = {};
  const dropped = new Set<string>([...SECRET_SETTING_NAMES, ...PLAIN_SETTING_NAMES, ...MCP_SETTING_NAMES]);
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !dropped.has(name)) environment[name] = value;
  }
  return { ...environment, LOG_LEVEL: 'warn', ...settings };
}
