import { QuantCoderError } from '../../shared/errors.js';

/** A request the real QuantConnect would answer with `success: false`; the message reads like its errors. */
export class EmulatedRequestError extends QuantCoderError {
  override readonly name: string = 'EmulatedRequestError';
}
