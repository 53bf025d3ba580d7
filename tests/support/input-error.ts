import { InputError, LettraError } from '../../src-main/errors/lettra-error.js';

/** The error of class `kind` an action throws; any other outcome fails the test. */
function thrownOf<E extends Error>(kind: new (...args: never[]) => E, action: () => unknown): E {
  try {
    action();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}

/** The InputError an action throws; any other outcome fails the test. */
export const thrownInputError = (action: () => unknown): InputError => thrownOf(InputError, action);

/** The LettraError an action throws; any other outcome fails the test. */
export const thrownLettraError = (action: () => unknown): LettraError =>
  thrownOf(LettraError, action);
