import { createHash } from 'node:crypto';
import type { ParsedTransaction } from './statement-types.js';

/**
 * A key that is the same for a transaction whenever it is imported again, from the same file
 * or from another file that overlaps it (a monthly statement after the daily ones): the
 * account, the dates, the amount, the payer, the references and the text, plus the rank of
 * identical transactions within the file so two real identical transfers stay two.
 */
export function fingerprintTransactions(
  bankAccountId: number,
  transactions: ParsedTransaction[],
): string[] {
  const seen = new Map<string, number>();
  return transactions.map((transaction) => {
    const identity = [
      bankAccountId,
      transaction.bookingDate,
      transaction.amountCents,
      transaction.currency,
      squash(transaction.payerName),
      squash(transaction.payerIban),
      squash(transaction.remittance),
      squash(transaction.endToEndId),
      squash(transaction.bankReference),
      transaction.reversal ? 'R' : '',
    ].join('\u001f');
    const rank = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, rank);
    return createHash('sha256').update(`${identity}\u001f${rank}`).digest('hex');
  });
}

// Overlapping files from one bank can differ in padding and case, never in content.
function squash(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toUpperCase();
}
