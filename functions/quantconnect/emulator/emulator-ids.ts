import { randomBytes } from 'node:crypto';

/** 32 lower-case hex characters, the shape of QuantConnect's backtest ids. */
export function newHex32(): string {
  return randomBytes(16).toString('hex');
}

/** `<hex32>-<hex32>`, the shape of QuantConnect's compile ids. */
export function newCompileId(): string {
  return `${newHex32()}-${newHex32()}`;
}

/** The page QuantConnect shows for a project. */
export function projectUrl(projectId: number): string {
  return `https://www.quantconnect.com/project/${projectId}`;
}

/** The page QuantConnect shows for one backtest of a project. */
export function backtestUrl(projectId: number, backtestId: string): string {
  return `${projectUrl(projectId)}/${backtestId}`;
}
