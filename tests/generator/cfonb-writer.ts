import { cfonbDate, previousBusinessDay } from './dates.js';
import { fit, toAscii } from './text.js';
import type { BankTransaction, Company, Statement } from './types.js';

/**
 * Writes a statement as a CFONB 120 file: 01 old balance, one 04 per movement followed by its
 * 05 complements, 07 new balance. Every line is exactly 120 ASCII characters.
 */

/** Width of the text of a 05 complement (positions 49-118). */
const complementWidth = 70;

/**
 * The 14-character amount field: 13 digits, then the last digit and the sign folded into
 * one character, "{" and A-I for a positive 0-9, "}" and J-R for a negative one.
 */
export function cfonbAmount(cents: number): string {
  const digits = String(Math.abs(cents)).padStart(14, '0');
  const last = Number(digits[13]);
  const positive = last === 0 ? '{' : String.fromCharCode(64 + last);
  const negative = last === 0 ? '}' : String.fromCharCode(73 + last);
  return `${digits.slice(0, 13)}${cents < 0 ? negative : positive}`;
}

/** A 120-character line from fields placed at their 1-based start positions. */
function record(fields: ReadonlyArray<readonly [number, string]>): string {
  const line = Array.from({ length: 120 }, () => ' ');
  for (const [start, text] of fields) {
    for (let i = 0; i < text.length && start - 1 + i < 120; i += 1)
      line[start - 1 + i] = text[i] as string;
  }
  return line.join('');
}

const operationCodes: Record<BankTransaction['operation'], readonly [string, string]> = {
  transfer: ['0158', '05'],
  instantTransfer: ['0176', '18'],
  outgoing: ['0160', '06'],
  directDebit: ['0917', 'B1'],
  fee: ['0117', '62'],
  interest: ['0331', '13'],
};

function balance(code: '01' | '07', company: Company, date: string, cents: number): string {
  return record([
    [1, code],
    [3, company.bankCode],
    [12, company.branchCode],
    [17, 'EUR2'],
    [22, company.accountNumber],
    [35, cfonbDate(date)],
    [91, cfonbAmount(cents)],
  ]);
}

/** The 04 line and the 05 complements of one movement. */
function movement(company: Company, tx: BankTransaction): string[] {
  const [internal, interbank] = operationCodes[tx.operation];
  const header: Array<readonly [number, string]> = [
    [3, company.bankCode],
    [8, internal],
    [12, company.branchCode],
    [17, 'EUR2'],
    [22, company.accountNumber],
    [33, interbank],
    [35, cfonbDate(tx.bookingDate)],
  ];
  const signed = tx.direction === 'credit' ? tx.amountCents : -tx.amountCents;
  // Some banks fill the reference zone with their own reference, others leave it blank.
  const reference = tx.variant & 1 ? fit(tx.bankReference, 16) : '';
  const lines = [
    record([
      [1, '04'],
      ...header,
      [43, cfonbDate(tx.valueDate)],
      [49, fit(toAscii(tx.label).toUpperCase(), 31)],
      [82, '0000000'],
      [89, '0'],
      [90, '0'],
      [91, cfonbAmount(signed)],
      [105, reference],
    ]),
  ];
  const complement = (qualifier: string, text: string) =>
    lines.push(
      record([[1, '05'], ...header, [46, qualifier], [49, fit(toAscii(text), complementWidth)]]),
    );

  const remittance = toAscii(tx.remittance);
  const bits = tx.variant >>> 1;
  if (remittance.length > complementWidth) {
    // The remittance is cut at exactly 70: LC2 continues LCC with no separator.
    if (bits % 10 < 3) complement('LIB', remittance.slice(0, complementWidth));
    if (tx.direction === 'credit') complement('NPY', tx.counterpartyName);
    complement('LCC', remittance.slice(0, complementWidth));
    complement('LC2', remittance.slice(complementWidth));
  } else {
    const mode = bits % 10;
    if (remittance && mode >= 5) complement('LIB', remittance);
    if (tx.direction === 'credit' && tx.operation !== 'interest')
      complement('NPY', tx.counterpartyName);
    if (remittance && (mode < 5 || mode >= 8)) complement('LCC', remittance);
  }
  if (tx.direction === 'credit' && tx.counterpartyIban && (bits >>> 4) % 5 < 3) {
    complement('IPY', tx.counterpartyIban);
  }
  if (tx.direction === 'debit' && tx.operation !== 'fee') complement('NBE', tx.counterpartyName);
  if (tx.direction === 'credit' && (bits >>> 7) % 10 < 3)
    complement('NBE', company.name.toUpperCase());
  if (tx.endToEndId && (bits >>> 11) % 2 === 0) complement('RCN', tx.endToEndId);
  return lines;
}

/** The whole file; line ends differ between banks (CRLF mostly, LF for some). */
export function writeCfonb(company: Company, statement: Statement): string {
  const lines = [
    balance('01', company, previousBusinessDay(statement.day), statement.openingCents),
  ];
  for (const entry of statement.entries) {
    for (const tx of entry.transactions) lines.push(...movement(company, tx));
  }
  lines.push(balance('07', company, statement.day, statement.closingCents));
  const newline = Number(company.code.slice(1)) % 3 === 2 ? '\n' : '\r\n';
  return `${lines.join(newline)}${newline}`;
}
