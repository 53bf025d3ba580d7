import type { Database } from 'better-sqlite3';

/** One line of an exported batch, as both writers need it. */
export interface BatchLine {
  entryId: number;
  entryKind: 'receipt' | 'intercompany' | 'reversal';
  transactionId: number;
  /** EcritureNum of the entry this one reverses, for a reversal. */
  reversesNumber: string | null;
  journalCode: string;
  journalLabel: string;
  entryNumber: string;
  /** YYYY-MM-DD */
  entryDate: string;
  role: string;
  account: string;
  accountLabel: string;
  auxiliaryAccount: string | null;
  auxiliaryLabel: string | null;
  pieceRef: string;
  label: string;
  debitCents: number;
  creditCents: number;
  letteringCode: string | null;
  letteringDate: string | null;
  letteredDocuments: string | null;
  /** For a reversal line: the code the reversed line was exported with, now withdrawn. */
  cancelsLettering: string | null;
}

/** A batch's header and lines, read back from the database exactly as first written. */
export interface BatchContent {
  id: number;
  companyId: number;
  number: number;
  format: 'fec' | 'csv';
  fileName: string;
  exportedAt: string;
  lines: BatchLine[];
}

/**
 * Reads a batch: its lines in EcritureNum order per journal and date, each entry's lines in
 * their order. Everything comes from columns frozen at export, so the text written from it
 * is the same every time.
 */
export function loadBatch(sql: Database, batchId: number): BatchContent {
  const header = sql
    .prepare(
      `SELECT id, company_id AS companyId, number, format, file_name AS fileName,
         exported_at AS exportedAt FROM export_batch WHERE id = ?`,
    )
    .get(batchId) as Omit<BatchContent, 'lines'>;
  const lines = sql
    .prepare(
      `SELECT e.id AS entryId, e.kind AS entryKind, e.transaction_id AS transactionId,
         o.entry_number AS reversesNumber, e.journal_code AS journalCode,
         e.journal_label AS journalLabel, e.entry_number AS entryNumber,
         e.entry_date AS entryDate, l.role, l.account, l.account_label AS accountLabel,
         l.auxiliary_account AS auxiliaryAccount, l.auxiliary_label AS auxiliaryLabel,
         l.piece_ref AS pieceRef, l.label, l.debit_cents AS debitCents,
         l.credit_cents AS creditCents, l.lettering_code AS letteringCode,
         l.lettering_date AS letteringDate, l.lettered_documents AS letteredDocuments,
         ol.lettering_code AS cancelsLettering
       FROM journal_entry e
       JOIN journal_line l ON l.entry_id = e.id
       LEFT JOIN journal_entry o ON o.id = e.reverses_entry_id
       LEFT JOIN journal_line ol ON ol.entry_id = o.id AND ol.position = l.position
       WHERE e.batch_id = ?
       ORDER BY e.entry_date, e.journal_code, e.entry_sequence, l.position`,
    )
    .all(batchId) as BatchLine[];
  return { ...header, lines };
}

/** The date part of an ISO timestamp as YYYYMMDD. */
export function compactDate(isoDate: string): string {
  return isoDate.slice(0, 10).replaceAll('-', '');
}
