import { formatCentsPlain } from '../money/cents.js';
import type { BatchContent } from './batch-lines.js';

/** The columns of the CSV batch, documented in the README. */
export const csvBatchColumns = [
  'batch',
  'journal_code',
  'journal_label',
  'entry_number',
  'entry_date',
  'account',
  'account_label',
  'auxiliary_account',
  'auxiliary_label',
  'piece_ref',
  'label',
  'debit',
  'credit',
  'lettering',
  'lettering_date',
  'lettering_state',
  'lettered_documents',
  'cancels_lettering',
  'line_kind',
  'entry_kind',
  'reverses_entry',
  'transaction_id',
] as const;

/**
 * A batch as CSV for packages that import no FEC: one row per journal line, comma-separated
 * with RFC 4180 quoting, dot decimals, dates YYYY-MM-DD. Beyond the FEC it says which
 * documents each lettrage code letters, whether the code is partial, and for a reversal the
 * code the accounting must unletter.
 */
export function writeCsvBatch(batch: BatchContent): string {
  const rows = [csvBatchColumns.join(',')];
  for (const line of batch.lines) {
    const code = line.letteringCode ?? '';
    const state = code === '' ? '' : code === code.toUpperCase() ? 'full' : 'partial';
    rows.push(
      [
        String(batch.number),
        line.journalCode,
        line.journalLabel,
        line.entryNumber,
        line.entryDate,
        line.account,
        line.accountLabel,
        line.auxiliaryAccount ?? '',
        line.auxiliaryLabel ?? '',
        line.pieceRef,
        line.label,
        formatCentsPlain(line.debitCents),
        formatCentsPlain(line.creditCents),
        code,
        line.letteringDate ?? '',
        state,
        line.letteredDocuments ?? '',
        line.cancelsLettering ?? '',
        line.role,
        line.entryKind,
        line.reversesNumber ?? '',
        String(line.transactionId),
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
