import { UserInputError } from '../../shared/errors.js';

/** The number an idea gave, if it is within what a plan can hold; otherwise a UserInputError saying so. */
export function withinLimits(value: number, limits: { min: number; max: number; what: string }): number {
  if (!Number.isFinite(value) || value < limits.min || value > limits.max) {
    throw new UserInputError(
      `${limits.what} of ${value} is outside what QuantCoder plans for; use a value from ${limits.min} to ${limits.max}.`,
    );
  }
  return value;
}
