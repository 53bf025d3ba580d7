import { InputError } from '../../src-main/errors/lettra-error.js';

/** The InputError an action throws; any other outcome fails the test. */
export function thrownInputError(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
