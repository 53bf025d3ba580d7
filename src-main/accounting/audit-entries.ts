import type { Database } from 'better-sqlite3';
import type { Cents } from '../money/cents.js';

/** A journal line as the audit shows it, with the lettrage it carries. */
export interface AuditLine {
  kind: string;
  account: string;
  auxiliary: string | null;
  pieceRef: string;
  label: string;
  debitCents: Cents;
  creditCents: Cents;
  /** The code as written on the line (lower case while partial), or null. */
  lettering: string | null;
  letteringDate: string | null;
  /** The state of the lettrage now: it may have been cancelled since. */
  letteringState: string | null;
  decidedBy: string | null;
}

/** An entry of the chain, with its batch and the ledger import that reflects it. */
export interface AuditEntry {
  id: number;
  company: string;
  kind: string;
  journal: string;
  /** EcritureNum, given at export. */
  number: string | null;
  date: string;
  label: string;
  status: string;
  decidedBy: string;
  decidedAt: string;
  decisionId: number | null;
  postedAt: string | null;
  reversesEntryId: number | null;
  reversedByEntryId: number | null;
  lines: AuditLine[];
  batch: {
    number: number;
    format: string;
    fileName: string;
    sha256: string;
    exportedAt: string;
  } | null;
  reflectedBy: { file: string; importedAt: string } | null;
}

/** Every entry a transaction caused, reversals included, oldest first. */
export function loadAuditEntries(sql: Database, transactionId: number): AuditEntry[] {
  const entries = sql
    .prepare(
      `SELECT e.id, c.code AS company, e.kind, e.journal_code AS journal, e.entry_number AS number,
         e.entry_date AS date, e.label, e.status, e.decided_by AS decidedBy,
         e.decided_at AS decidedAt, e.decision_id AS decisionId, e.posted_at AS postedAt,
         e.reverses_entry_id AS reversesEntryId,
         (SELECT r.id FROM journal_entry r WHERE r.reverses_entry_id = e.id) AS reversedByEntryId,
         b.number AS batchNumber, b.format AS batchFormat, b.file_name AS batchFile,
         b.sha256 AS batchHash, b.exported_at AS batchExportedAt,
         f.file_name AS reflectedFile, f.imported_at AS reflectedAt
       FROM journal_entry e JOIN company c ON c.id = e.company_id
       LEFT JOIN export_batch b ON b.id = e.batch_id
       LEFT JOIN import_file f ON f.id = e.reflected_import_id
       WHERE e.transaction_id = ? ORDER BY e.id`,
    )
    .all(transactionId) as EntryRow[];
  const lines = sql.prepare(
    `SELECT l.role AS kind, l.account, l.auxiliary_account AS auxiliary, l.piece_ref AS pieceRef,
       l.label, l.debit_cents AS debitCents, l.credit_cents AS creditCents,
       l.lettering_code AS lettering, l.lettering_date AS letteringDate,
       g.state AS letteringState, l.decided_by AS decidedBy
     FROM journal_line l LEFT JOIN lettering g ON g.id = l.lettering_id
     WHERE l.entry_id = ? ORDER BY l.position`,
  );
  return entries.map((row) => ({
    id: row.id,
    company: row.company,
    kind: row.kind,
    journal: row.journal,
    number: row.number,
    date: row.date,
    label: row.label,
    status: row.status,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    decisionId: row.decisionId,
    postedAt: row.postedAt,
    reversesEntryId: row.reversesEntryId,
    reversedByEntryId: row.reversedByEntryId,
    lines: lines.all(row.id) as AuditLine[],
    batch:
      row.batchNumber === null
        ? null
        : {
            number: row.batchNumber,
            format: row.batchFormat ?? '',
            fileName: row.batchFile ?? '',
            sha256: row.batchHash ?? '',
            exportedAt: row.batchExportedAt ?? '',
          },
    reflectedBy:
      row.reflectedFile === null
        ? null
        : { file: row.reflectedFile, importedAt: row.reflectedAt ?? '' },
  }));
}

interface EntryRow {
  id: number;
  company: string;
  kind: string;
  journal: string;
  number: string | null;
  date: string;
  label: string;
  status: string;
  decidedBy: string;
  decidedAt: string;
  decisionId: number | null;
  postedAt: string | null;
  reversesEntryId: number | null;
  reversedByEntryId: number | null;
  batchNumber: number | null;
  batchFormat: string | null;
  batchFile: string | null;
  batchHash: string | null;
  batchExportedAt: string | null;
  reflectedFile: string | null;
  reflectedAt: string | null;
}
