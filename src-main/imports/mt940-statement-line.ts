import { InputError, type ErrorContext } from '../errors/lettra-error.js';
import { parseDecimalToCents, type Cents } from '../money/cents.js';
import { dateFromYymmdd, isoDate } from './short-dates.js';
import type { Balance } from './statement-types.js';

/** What a :61: statement line says, before its :86: information is added. */
export interface StatementLine {
  valueDate: string;
  bookingDate: string;
  /** Signed: positive for money received. */
  amountCents: Cents;
  reversal: boolean;
  /** C or RC: the counterparty of the movement is the one who paid. */
  creditSide: boolean;
  /** The transaction type: N, F or S and three characters (NTRF, N102, FCHG). */
  operationCode: string;
  customerReference?: string;
  bankReference?: string;
  /** The optional second line (subfield 9): free text, or the counterparty account at some banks. */
  supplementary?: string;
}

/**
 * Value date YYMMDD, entry date MMDD (optional), debit/credit mark (C, D, RC, RD), funds code
 * (the third letter of the currency, optional), amount with a decimal comma, transaction type,
 * customer reference, then "//" and the bank's reference.
 */
const statementLinePattern = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([NFS][A-Z0-9]{3})(.*)$/;

/** Customer references that stand for "none" or for "see the :86: field". */
const placeholderReferences = new Set(['NONREF', 'NOTPROVIDED', 'EREF', 'MARF', 'PREF', 'KREF']);

/**
 * Reads a :61: field. RC reverses a credit, so money goes back out (negative); RD reverses a
 * debit (positive). Anything malformed is an InputError naming the file, the line and the field.
 */
export function readStatementLine(lines: string[], context: ErrorContext): StatementLine {
  const text = (lines[0] ?? '').trim();
  const match = statementLinePattern.exec(text);
  if (match === null) {
    throw new InputError('input.malformed', `"${text}" is not an MT940 statement line`, {
      ...context,
      field: ':61:',
      value: text,
    });
  }
  const [, valueText = '', entryText, mark = '', , amountText = '', type = '', rest = ''] = match;

  const valueDate = readDate(valueText, ':61: value date', context);
  const bookingDate =
    entryText === undefined ? valueDate : entryDateNear(valueDate, entryText, context);
  const unsigned = readAmount(amountText, ':61: amount', context);
  const negative = mark === 'D' || mark === 'RC';
  const statementLine: StatementLine = {
    valueDate,
    bookingDate,
    amountCents: negative && unsigned !== 0 ? -unsigned : unsigned,
    reversal: mark.startsWith('R'),
    creditSide: mark.endsWith('C'),
    operationCode: type,
  };

  const separator = rest.indexOf('//');
  const customerReference = (separator < 0 ? rest : rest.slice(0, separator)).trim();
  const bankReference = separator < 0 ? '' : rest.slice(separator + 2).trim();
  if (customerReference !== '' && !placeholderReferences.has(customerReference.toUpperCase())) {
    statementLine.customerReference = customerReference;
  }
  if (bankReference !== '') statementLine.bankReference = bankReference;
  const supplementary = lines.slice(1).join(' ').trim();
  if (supplementary !== '') statementLine.supplementary = supplementary;
  return statementLine;
}

const balancePattern = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/;

/** Reads a balance field (:60F:, :60M:, :62F:, :62M:): mark, date, currency and amount. */
export function readBalance(
  lines: string[],
  tag: string,
  context: ErrorContext,
): Balance & { currency: string } {
  const text = (lines[0] ?? '').trim();
  const match = balancePattern.exec(text);
  if (match === null) {
    throw new InputError('input.malformed', `"${text}" is not an MT940 balance`, {
      ...context,
      field: `:${tag}:`,
      value: text,
    });
  }
  const [, mark, dateText = '', currency = '', amountText = ''] = match;
  const amount = readAmount(amountText, `:${tag}: amount`, context);
  return {
    date: readDate(dateText, `:${tag}: date`, context),
    amountCents: mark === 'D' && amount !== 0 ? -amount : amount,
    currency,
  };
}

function readDate(text: string, field: string, context: ErrorContext): string {
  const date = dateFromYymmdd(text);
  if (date !== undefined) return date;
  throw new InputError('input.badDate', `"${text}" is not a date (YYMMDD)`, {
    ...context,
    field,
    value: text,
  });
}

/**
 * The entry date has no year: it is the date nearest the value date, so that a movement valued
 * on 31 December and booked on 2 January lands in the next year.
 */
function entryDateNear(valueDate: string, text: string, context: ErrorContext): string {
  const year = Number(valueDate.slice(0, 4));
  const month = Number(text.slice(0, 2));
  const day = Number(text.slice(2, 4));
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(valueDate));
  const candidates = [year - 1, year, year + 1]
    .map((candidate) => isoDate(candidate, month, day))
    .filter((date) => date !== undefined)
    .sort((left, right) => distance(left) - distance(right));
  const nearest = candidates[0];
  if (nearest !== undefined) return nearest;
  throw new InputError('input.badDate', `"${text}" is not a date (MMDD)`, {
    ...context,
    field: ':61: entry date',
    value: text,
  });
}

/** SWIFT amounts always use a decimal comma and may end with it ("5," is 5.00). */
function readAmount(text: string, field: string, context: ErrorContext): Cents {
  if (!/^\d+,\d*$/.test(text)) {
    throw new InputError('input.badAmount', `"${text}" is not an MT940 amount`, {
      ...context,
      field,
      value: text,
    });
  }
  return parseDecimalToCents(text.endsWith(',') ? text.slice(0, -1) : text, { ...context, field });
}
