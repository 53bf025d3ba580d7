import { InputError, type ErrorContext } from '../errors/lettra-error.js';

const compactDate = /^(\d{4})(\d{2})(\d{2})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const frenchDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Reads a ledger date written YYYYMMDD (the FEC's own form), YYYY-MM-DD or DD/MM/YYYY (what
 * spreadsheets and some exporters write) into YYYY-MM-DD. A date that does not exist in the
 * calendar, such as 31/02/2025, is refused like a malformed one.
 */
export function parseLedgerDate(text: string, context: ErrorContext = {}): string {
  const value = text.trim();
  let parts: [string, string, string] | undefined;
  let match = compactDate.exec(value) ?? isoDate.exec(value);
  if (match !== null) {
    parts = [match[1] ?? '', match[2] ?? '', match[3] ?? ''];
  } else {
    match = frenchDate.exec(value);
    if (match !== null) parts = [match[3] ?? '', match[2] ?? '', match[1] ?? ''];
  }

  if (parts === undefined || !existsInCalendar(...parts)) {
    throw new InputError(
      'input.badDate',
      `"${text}" is not a date (YYYYMMDD, YYYY-MM-DD or DD/MM/YYYY)`,
      { ...context, value: text },
    );
  }
  const [year, month, day] = parts;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function existsInCalendar(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one, leap years included.
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
