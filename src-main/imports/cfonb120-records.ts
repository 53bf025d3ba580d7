import { InputError } from '../errors/lettra-error.js';
import { scaledIntegerToCents, type Cents } from '../money/cents.js';
import type { AccountReference } from './statement-types.js';
import { dateFromDdmmyy } from './short-dates.js';

const recordLength = 120;

/** One CFONB 120 record and the line where a clerk finds it. */
export interface CfonbRecord {
  /** 1-based, counting the file as if every record stood on its own line. */
  line: number;
  /** Always 120 characters: lines whose trailing spaces were trimmed are padded back. */
  text: string;
}

export type RecordCode = '01' | '04' | '05' | '07';

/**
 * Cuts a decoded CFONB 120 file into records. Line ends may be LF, CRLF or CR, or missing: some
 * banks and webmail downloads glue every record into one long line, so any line longer than 120
 * characters is cut every 120. A wrong cut shows up as an unknown record code on the next step.
 * Blank lines and a DOS end-of-file mark are skipped but still counted, so that `line` is the
 * line an editor shows; in a glued line each record counts as one line.
 */
export function splitCfonbRecords(text: string): CfonbRecord[] {
  const records: CfonbRecord[] = [];
  let line = 0;
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const content = physical.replaceAll('\u001a', '').trimEnd();
    if (content.length === 0) {
      line += 1;
      continue;
    }
    for (let start = 0; start < content.length; start += recordLength) {
      line += 1;
      records.push({ line, text: content.slice(start, start + recordLength).padEnd(recordLength) });
    }
  }
  return records;
}

/** The characters at 1-based positions `from` to `to` inclusive, as the CFONB layout numbers them. */
export function field(record: CfonbRecord, from: number, to: number): string {
  return record.text.slice(from - 1, to);
}

/** The record code (positions 1-2), or an InputError when it is not one CFONB 120 defines. */
export function readRecordCode(record: CfonbRecord, file: string): RecordCode {
  const code = field(record, 1, 2);
  if (code === '01' || code === '04' || code === '05' || code === '07') return code;
  throw new InputError('input.malformed', `"${code}" is not a CFONB 120 record code`, {
    file,
    line: record.line,
    field: 'record code',
    value: code,
  });
}

/** The account as the record names it: bank (3-7), branch (12-16), account number (22-32). */
export function readAccount(record: CfonbRecord): AccountReference {
  const account: AccountReference = {};
  const bankCode = field(record, 3, 7).trim();
  const branchCode = field(record, 12, 16).trim();
  const accountNumber = field(record, 22, 32).trim();
  if (bankCode !== '') account.bankCode = bankCode;
  if (branchCode !== '') account.branchCode = branchCode;
  if (accountNumber !== '') account.accountNumber = accountNumber;
  return account;
}

/** The ISO currency code at positions 17-19, upper-cased. */
export function readCurrency(record: CfonbRecord, file: string): string {
  const text = field(record, 17, 19);
  const currency = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(currency)) return currency;
  throw new InputError('input.badCurrency', `"${text}" is not a currency code`, {
    file,
    line: record.line,
    field: 'currency',
    value: text,
  });
}

/** The last character of an amount carries its last digit and its sign. */
const signedLastDigit = new Map<string, { digit: string; negative: boolean }>([
  ['{', { digit: '0', negative: false }],
  ['}', { digit: '0', negative: true }],
  ...[...'ABCDEFGHI'].map(
    (letter, at) => [letter, { digit: String(at + 1), negative: false }] as const,
  ),
  ...[...'JKLMNOPQR'].map(
    (letter, at) => [letter, { digit: String(at + 1), negative: true }] as const,
  ),
]);

/**
 * The signed amount of a 01, 04 or 07 record in cents: 13 digits and a sign character at
 * 91-104, scaled by the number of decimals at position 20 (0 to 3, all seen in real files).
 */
export function readAmount(record: CfonbRecord, file: string): Cents {
  const decimalsText = field(record, 20, 20);
  if (!/^[0-3]$/.test(decimalsText)) {
    throw new InputError('input.badAmount', `"${decimalsText}" is not a number of decimals (0-3)`, {
      file,
      line: record.line,
      field: 'decimals',
      value: decimalsText,
    });
  }
  const text = field(record, 91, 104);
  const sign = signedLastDigit.get(text.slice(13));
  if (!/^\d{13}$/.test(text.slice(0, 13)) || sign === undefined) {
    throw new InputError(
      'input.badAmount',
      `"${text}" is not a CFONB amount (13 digits, then a digit-and-sign character)`,
      { file, line: record.line, field: 'amount', value: text },
    );
  }
  const cents = scaledIntegerToCents(text.slice(0, 13) + sign.digit, Number(decimalsText));
  // A negative zero would compare unequal to 0 with Object.is and print as "-0".
  return sign.negative && cents !== 0 ? -cents : cents;
}

/** A DDMMYY date as YYYY-MM-DD, or an InputError naming the field. */
export function readDate(
  record: CfonbRecord,
  from: number,
  fieldName: string,
  file: string,
): string {
  const text = field(record, from, from + 5);
  const date = dateFromDdmmyy(text);
  if (date !== undefined) return date;
  throw new InputError('input.badDate', `"${text}" is not a date (DDMMYY)`, {
    file,
    line: record.line,
    field: fieldName,
    value: text,
  });
}

/** Like `readDate`, but a blank or all-zero date, which some banks write, means none. */
export function readOptionalDate(
  record: CfonbRecord,
  from: number,
  fieldName: string,
  file: string,
): string | undefined {
  const text = field(record, from, from + 5);
  if (/^( {6}|0{6})$/.test(text)) return undefined;
  return readDate(record, from, fieldName, file);
}
