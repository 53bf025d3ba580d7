import { InputError } from '../errors/lettra-error.js';
import { scaledIntegerToCents, type Cents } from '../money/cents.js';
import { attributeOf, nodeAt, textAt, textOf, valuesAt, type XmlNode } from './camt-xml.js';

/** Where a value sits in the file, for the errors that point the clerk at it. */
export interface Where {
  file: string;
  line?: number;
}

/** An unsigned amount and the currency its `Ccy` attribute names. */
export interface Money {
  cents: Cents;
  currency?: string;
}

// ISO 20022 amounts are unsigned, dot-decimal, with at most five fraction digits.
const amountPattern = /^(\d{1,18})(?:\.(\d{1,5}))?$/;
const currencyPattern = /^[A-Z]{3}$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
// xs:date may carry a time zone (`2024-03-01+01:00`); the day is what counts.
const isoDatePattern = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const dateTimePattern = /^(\d{4}-\d{2}-\d{2})T/;

/**
 * Reads the amount element at `path` (`<Amt Ccy="EUR">12.30</Amt>`) into integer cents, or
 * undefined when the element is absent. A present but unreadable amount or currency is an
 * InputError naming the file, line and field.
 */
export function readAmount(
  node: XmlNode | undefined,
  path: string,
  where: Where,
  field: string,
): Money | undefined {
  const element = valuesAt(node, path)[0];
  if (element === undefined) return undefined;

  const text = textOf(element) ?? '';
  const match = amountPattern.exec(text);
  // Sub-cent digits are rounded by the cents helper; only the digit count can make it unsafe.
  const cents = match
    ? scaledIntegerToCents(`${match[1]}${match[2] ?? ''}`, match[2]?.length ?? 0)
    : NaN;
  if (!Number.isSafeInteger(cents)) {
    throw new InputError('input.badAmount', `"${text}" is not an amount`, {
      ...where,
      field,
      value: text,
    });
  }

  const currency = attributeOf(element, 'Ccy');
  if (currency !== undefined && !currencyPattern.test(currency)) {
    throw new InputError('input.badCurrency', `"${currency}" is not a currency code`, {
      ...where,
      field: `${field}/@Ccy`,
      value: currency,
    });
  }
  return { cents, currency };
}

/** Like readAmount, for an amount the message cannot do without. */
export function readRequiredAmount(
  node: XmlNode,
  path: string,
  where: Where,
  field: string,
): Money {
  const money = readAmount(node, path, where, field);
  if (money === undefined) throw missing(where, field);
  return money;
}

/**
 * Reads a `CdtDbtInd` as the sign it gives an amount: +1 for CRDT, -1 for DBIT. Undefined when
 * the element is absent, so that a transaction can fall back to its entry's indicator.
 */
export function readSign(
  node: XmlNode | undefined,
  where: Where,
  field: string,
): 1 | -1 | undefined {
  const indicator = textAt(node, 'CdtDbtInd');
  if (indicator === undefined) return undefined;
  if (indicator === 'CRDT') return 1;
  if (indicator === 'DBIT') return -1;
  throw new InputError('input.malformed', `"${indicator}" is neither CRDT nor DBIT`, {
    ...where,
    field,
    value: indicator,
  });
}

/** Like readSign, for an indicator the message cannot do without. */
export function readRequiredSign(node: XmlNode, where: Where, field: string): 1 | -1 {
  const sign = readSign(node, where, field);
  if (sign === undefined) throw missing(where, field);
  return sign;
}

/**
 * Reads a DateAndDateTime choice (`<Dt>` or `<DtTm>`) at `path` as YYYY-MM-DD. A date-time
 * keeps the calendar day the bank wrote, without moving it to another time zone, because that
 * is the day printed on the clerk's statement.
 */
export function readDate(
  node: XmlNode | undefined,
  path: string,
  where: Where,
  field: string,
): string | undefined {
  const choice = nodeAt(node, path);
  if (choice === undefined) return undefined;

  const date = textAt(choice, 'Dt');
  const dateTime = textAt(choice, 'DtTm');
  const text = date ?? dateTime ?? '';
  const day = (date !== undefined ? isoDatePattern : dateTimePattern).exec(text)?.[1];
  if (day === undefined || !isCalendarDate(day)) {
    throw new InputError('input.badDate', `"${text}" is not a date`, {
      ...where,
      field,
      value: text,
    });
  }
  return day;
}

function isCalendarDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day
  );
}

/** XML Schema booleans are `true`/`false` or `1`/`0`. */
export function isTrue(text: string | undefined): boolean {
  return text === 'true' || text === '1';
}

/** The error for a mandatory element that the file leaves out. */
export function missing(where: Where, field: string): InputError {
  return new InputError('input.missingField', `${field} is missing`, { ...where, field });
}
