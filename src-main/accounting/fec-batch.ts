import { formatCentsComma } from '../money/cents.js';
import { compactDate, type BatchContent } from './batch-lines.js';

/** The 18 columns of article A47 A-1 of the Livre des procédures fiscales, in order. */
export const fecBatchColumns = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/**
 * A batch in the FEC layout: a header line, then one line per journal line, tab-separated,
 * amounts with a comma and two decimals on both sides (0,00 for the empty one), dates as
 * YYYYMMDD, CRLF line ends. PieceDate is the entry date (the bank statement is the piece);
 * ValidDate the day of the export; the amounts are in euros, so the currency columns stay
 * empty. EcritureLet and DateLet carry Lettra's lettrage of the customer lines.
 */
export function writeFecBatch(batch: BatchContent): string {
  const validDate = compactDate(batch.exportedAt);
  const rows = [fecBatchColumns.join('\t')];
  for (const line of batch.lines) {
    const entryDate = compactDate(line.entryDate);
    rows.push(
      [
        line.journalCode,
        line.journalLabel,
        line.entryNumber,
        entryDate,
        line.account,
        line.accountLabel,
        line.auxiliaryAccount ?? '',
        line.auxiliaryLabel ?? '',
        line.pieceRef,
        entryDate,
        line.label,
        formatCentsComma(line.debitCents),
        formatCentsComma(line.creditCents),
        line.letteringCode ?? '',
        line.letteringDate === null ? '' : compactDate(line.letteringDate),
        validDate,
        '',
        '',
      ].join('\t'),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
