import type { Database, Statement } from 'better-sqlite3';
import type { PlannedLine } from './posting-lines.js';

export type EntryKind = 'receipt' | 'intercompany' | 'reversal';

export interface EntryHeader {
  companyId: number;
  transactionId: number;
  kind: EntryKind;
  reversesEntryId?: number;
  journalCode: string;
  journalLabel: string;
  /** YYYY-MM-DD */
  entryDate: string;
  label: string;
  decidedBy: string;
  decidedAt: string;
  decisionId?: number;
}

/**
 * Writes journal entries the only way the schema accepts them: the entry as a draft, its
 * lines, then the update that posts it, which the database refuses when the entry does not
 * balance. Call it inside a transaction so that a refused entry leaves nothing behind.
 */
export class JournalWriter {
  private readonly insertEntry: Statement;
  private readonly insertLine: Statement;
  private readonly postEntry: Statement;
  private readonly unpostEntry: Statement;
  private readonly deleteLines: Statement;
  private readonly deleteEntry: Statement;

  constructor(sql: Database) {
    this.insertEntry = sql.prepare(
      `INSERT INTO journal_entry (company_id, transaction_id, kind, reverses_entry_id,
         journal_code, journal_label, entry_date, label, decided_by, decided_at, decision_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertLine = sql.prepare(
      `INSERT INTO journal_line (entry_id, position, role, account, account_label,
         auxiliary_account, auxiliary_label, piece_ref, label, debit_cents, credit_cents,
         invoice_id, customer_id, allocation_id, decided_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.postEntry = sql.prepare(
      `UPDATE journal_entry SET status = 'posted', posted_at = ? WHERE id = ?`,
    );
    this.unpostEntry = sql.prepare(`UPDATE journal_entry SET status = 'draft' WHERE id = ?`);
    this.deleteLines = sql.prepare('DELETE FROM journal_line WHERE entry_id = ?');
    this.deleteEntry = sql.prepare('DELETE FROM journal_entry WHERE id = ?');
  }

  /** Inserts and posts one entry; returns its id. */
  post(header: EntryHeader, lines: readonly PlannedLine[]): number {
    const entryId = Number(
      this.insertEntry.run(
        header.companyId,
        header.transactionId,
        header.kind,
        header.reversesEntryId ?? null,
        header.journalCode,
        header.journalLabel,
        header.entryDate,
        clean(header.label),
        header.decidedBy,
        header.decidedAt,
        header.decisionId ?? null,
      ).lastInsertRowid,
    );
    for (const [index, line] of lines.entries()) {
      this.insertLine.run(
        entryId,
        index + 1,
        line.role,
        line.account,
        line.accountLabel,
        line.auxiliary?.code ?? null,
        line.auxiliary === undefined ? null : clean(line.auxiliary.label),
        clean(line.pieceRef),
        clean(line.label),
        line.debitCents,
        line.creditCents,
        line.invoiceId ?? null,
        line.customerId ?? null,
        line.allocationId ?? null,
        line.decidedBy ?? null,
      );
    }
    this.postEntry.run(new Date().toISOString(), entryId);
    return entryId;
  }

  /** Removes an entry that was never exported (the schema refuses it otherwise). */
  remove(entryId: number): void {
    this.unpostEntry.run(entryId);
    this.deleteLines.run(entryId);
    this.deleteEntry.run(entryId);
  }
}

// Exports are tab- and line-separated: no field may hold either.
function clean(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ').trim();
}
