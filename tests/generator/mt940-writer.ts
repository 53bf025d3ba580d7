import { formatCentsComma } from '../../src-main/money/cents.js';
import { previousBusinessDay, swiftDate } from './dates.js';
import { toAscii } from './text.js';
import type { BankTransaction, Company, Statement } from './types.js';

/**
 * Writes a statement as MT940: :61: statement lines and :86: information in /KEY/ fields,
 * wrapped at 65 characters mid-word, as SWIFT requires and as banks do.
 */

const transactionTypes: Record<BankTransaction['operation'], string> = {
  transfer: 'NTRF',
  instantTransfer: 'NTRF',
  outgoing: 'NTRF',
  directDebit: 'NDDT',
  fee: 'NCHG',
  interest: 'NINT',
};

function balanceField(tag: string, cents: number, date: string): string {
  const mark = cents < 0 ? 'D' : 'C';
  return `:${tag}:${mark}${swiftDate(date)}EUR${formatCentsComma(Math.abs(cents))}`;
}

/** Cuts text into 65-character lines, at most six, the :86: field's limit. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length && lines.length < 6; i += 65) lines.push(text.slice(i, i + 65));
  return lines;
}

function information(tx: BankTransaction): string {
  const counterpart = tx.direction === 'credit' ? 'ORDP' : 'BENM';
  const parts = [
    tx.endToEndId ? `/EREF/${tx.endToEndId}` : '',
    tx.counterpartyName ? `/${counterpart}//NAME/${tx.counterpartyName}` : '',
    tx.counterpartyIban ? `/IBAN/${tx.counterpartyIban}` : '',
    tx.remittance ? `/REMI/${tx.remittance}` : `/REMI/${tx.label}`,
  ];
  return toAscii(parts.join(''));
}

/** The whole MT940 message of one statement. */
export function writeMt940(company: Company, statement: Statement): string {
  const lines = [
    `:20:${company.code}${statement.day.replaceAll('-', '')}`,
    `:25:${company.iban}`,
    `:28C:${String(statement.sequence).padStart(5, '0')}/001`,
    balanceField('60F', statement.openingCents, previousBusinessDay(statement.day)),
  ];
  for (const entry of statement.entries) {
    for (const tx of entry.transactions) {
      const mark = tx.direction === 'credit' ? 'C' : 'D';
      const date = swiftDate(tx.valueDate);
      const amount = formatCentsComma(tx.amountCents);
      const type = transactionTypes[tx.operation];
      lines.push(
        `:61:${date}${date.slice(2)}${mark}${amount}${type}NONREF//${tx.bankReference.slice(0, 16)}`,
      );
      const [first, ...rest] = wrap(information(tx));
      lines.push(`:86:${first ?? ''}`, ...rest);
    }
  }
  lines.push(balanceField('62F', statement.closingCents, statement.day), '-');
  return `${lines.join('\r\n')}\r\n`;
}
