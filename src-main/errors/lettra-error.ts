/**
 * Where an expected failure happened in a user's input: the file, the 1-based line and the
 * field, so that the clerk can open the file and see what to fix.
 */
export interface ErrorContext {
  file?: string;
  line?: number;
  field?: string;
  value?: string;
  [key: string]: string | number | undefined;
}

/** Codes of expected failures; `describeError` turns each one into a sentence for a clerk. */
export type ErrorCode =
  | 'file.notFound'
  | 'file.unreadable'
  | 'file.unknownFormat'
  | 'file.empty'
  | 'input.malformed'
  | 'input.missingField'
  | 'input.badAmount'
  | 'input.badDate'
  | 'input.badCurrency'
  | 'company.unknown'
  | 'company.duplicate'
  | 'company.badIban'
  | 'account.unknown'
  | 'ledger.older'
  | 'ledger.ownBatch'
  | 'database.newerVersion'
  | 'database.unreadable'
  | 'accounting.amountTooLarge'
  | 'accounting.badSetting'
  | 'accounting.batchAltered'
  | 'accounting.nothingToUndo'
  | 'accounting.unknownBatch'
  | 'accounting.unknownInvoice'
  | 'accounting.unknownTransaction'
  | 'customer.unknown'
  | 'matching.badSetting'
  | 'usage';

/**
 * An expected failure: bad input, an unknown account, a database from a newer version.
 * The message already names the input; the code lets callers react and translate.
 */
export class LettraError extends Error {
  override name = 'LettraError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context: ErrorContext = {},
  ) {
    super(withContext(message, context));
  }
}

/** A malformed line or field in an imported file. */
export class InputError extends LettraError {
  override name = 'InputError';
}

function withContext(message: string, context: ErrorContext): string {
  const where = [
    context.file,
    context.line === undefined ? undefined : `line ${context.line}`,
    context.field === undefined ? undefined : `field ${context.field}`,
  ].filter((part) => part !== undefined);
  return where.length === 0 ? message : `${where.join(', ')}: ${message}`;
}
