import { ConfigurationError } from './errors.js';

/** Reads a required environment variable, failing fast with its name and what it is for. */
export function requireEnvironment(
  name: string,
  purpose: string,
  environment: NodeJS.ProcessEnv = process.env,
): string {
  const value = environment[name]?.trim();
  if (!value) throw new ConfigurationError(`Set ${name}: ${purpose}.`);
  return value;
}

/** Reads an optional environment variable; blank counts as unset. */
export function optionalEnvironment(
  name: string,
  environment: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = environment[name]?.trim();
  return value ? value : undefined;
}
