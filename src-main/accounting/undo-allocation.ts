import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { createLogger } from '../log/logger.js';
import { JournalWriter, type EntryKind } from './journal-writer.js';
import { Letterer } from './lettering.js';
import type { LineRole, PlannedLine } from './posting-lines.js';
import { accountLabel, loadPostingSettings, type PostingSettings } from './posting-settings.js';

const log = createLogger('accounting');

/** What undoing a receipt's allocation did, for the decision log and the clerk. */
export interface UndoResult {
  transactionId: number;
  allocationsRemoved: number;
  /** Entries not exported yet, simply deleted. */
  entriesDeleted: number[];
  /** Entries already exported, undone by a correction entry that goes in the next batch. */
  reversals: Array<{ entryId: number; reversesEntryId: number }>;
  /** Lettrage codes withdrawn (they are never handed out again). */
  letteringCancelled: string[];
  /** Lettrage codes that were full and are partial again. */
  letteringReopened: string[];
}

export interface UndoOptions {
  /** Date of a correction entry, YYYY-MM-DD; today by default. */
  date?: string;
  decisionId?: number;
}

interface EntryRow {
  id: number;
  companyId: number;
  kind: EntryKind;
  journalCode: string;
  journalLabel: string;
  label: string;
  batchId: number | null;
  entryDate: string;
}

/**
 * Undoes a receipt's allocation: its entries not exported yet are deleted with their
 * lettrage; an exported one stays as it was sent and a correction entry dated `date` (not
 * before it) goes in the next batch: the bank line untouched, the customer side moved back
 * to the suspense account (471), its lettrage codes withdrawn. The receipt's next entry
 * takes the money from 471 rather than debiting the bank a second time. The allocation
 * lines are deleted and the receipt waits for a decision again ('pending'). Codes are never
 * handed out again, whatever happens to them.
 */
export function undoAllocation(
  store: Store,
  transactionId: number,
  actor: string,
  options: UndoOptions = {},
): UndoResult {
  const { sql } = store;
  const exists = sql.prepare('SELECT 1 FROM bank_transaction WHERE id = ?').get(transactionId);
  if (exists === undefined) {
    throw new LettraError(
      'accounting.unknownTransaction',
      `no transaction has the id ${transactionId}`,
      {
        value: String(transactionId),
      },
    );
  }
  const liveEntries = sql
    .prepare(
      `SELECT e.id, e.company_id AS companyId, e.kind, e.journal_code AS journalCode,
         e.journal_label AS journalLabel, e.label, e.batch_id AS batchId,
         e.entry_date AS entryDate
       FROM journal_entry e
       WHERE e.transaction_id = ? AND e.kind <> 'reversal'
         AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id)
       ORDER BY e.id`,
    )
    .all(transactionId) as EntryRow[];
  const allocationCount = sql
    .prepare('SELECT count(*) FROM allocation WHERE transaction_id = ?')
    .pluck()
    .get(transactionId) as number;
  if (allocationCount === 0 && liveEntries.length === 0) {
    throw new LettraError(
      'accounting.nothingToUndo',
      `transaction ${transactionId} has no allocation to undo`,
      { value: String(transactionId) },
    );
  }

  const writer = new JournalWriter(sql);
  const letterer = new Letterer(sql);
  const result: UndoResult = {
    transactionId,
    allocationsRemoved: allocationCount,
    entriesDeleted: [],
    reversals: [],
    letteringCancelled: [],
    letteringReopened: [],
  };
  const date = options.date ?? localDate(new Date());

  sql.transaction(() => {
    const touched: number[] = [];
    for (const entry of liveEntries) {
      if (entry.batchId === null) {
        touched.push(...letterer.detachEntry(entry.id));
        writer.remove(entry.id);
        result.entriesDeleted.push(entry.id);
        continue;
      }
      result.letteringCancelled.push(...letterer.cancelGroupsOf(entry.id));
      const reversal = writer.post(
        {
          companyId: entry.companyId,
          transactionId,
          kind: 'reversal',
          reversesEntryId: entry.id,
          journalCode: entry.journalCode,
          journalLabel: entry.journalLabel,
          // Never before the entry it corrects, so that numbers follow the dates.
          entryDate: date > entry.entryDate ? date : entry.entryDate,
          label: `Correction ${entry.label}`,
          decidedBy: actor,
          decidedAt: new Date().toISOString(),
          ...(options.decisionId === undefined ? {} : { decisionId: options.decisionId }),
        },
        correctionLines(store, entry.id, loadPostingSettings(store, entry.companyId)),
      );
      result.reversals.push({ entryId: reversal, reversesEntryId: entry.id });
    }
    sql.prepare('DELETE FROM allocation WHERE transaction_id = ?').run(transactionId);
    sql
      .prepare(
        `UPDATE bank_transaction SET match_status = 'pending', confidence = NULL,
           explanation = NULL, matched_at = NULL WHERE id = ?`,
      )
      .run(transactionId);
    const change = letterer.settle([...new Set(touched)]);
    result.letteringCancelled.push(...change.cancelled);
    result.letteringReopened.push(...change.reopened);
  })();
  log.info('allocation undone', {
    transactionId,
    deleted: result.entriesDeleted.length,
    reversed: result.reversals.length,
  });
  return result;
}

/**
 * For a clerk replacing an allocation: undoes what the receipt has allocated or posted, and
 * does nothing when it has neither (a receipt only proposed has nothing to undo).
 */
export function undoAllocationIfAny(
  store: Store,
  transactionId: number,
  actor: string,
  options: UndoOptions = {},
): UndoResult | undefined {
  const something = store.sql
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM allocation WHERE transaction_id = ?)
         OR EXISTS (SELECT 1 FROM journal_entry e WHERE e.transaction_id = ? AND e.kind <> 'reversal'
           AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id))`,
    )
    .pluck()
    .get(transactionId, transactionId);
  return something === 1 ? undoAllocation(store, transactionId, actor, options) : undefined;
}

// The correction of an exported entry: the bank line stays as exported, since the cash was
// received; the customer side (and fees, write-offs, group account) is swapped, and the
// money waits on the suspense account (471) for the receipt's next allocation, which takes
// it from there. The suspense line keeps the bank line's position, so that each line stands
// against the line it corrects. No lettrage: the accounting unletters the withdrawn codes.
function correctionLines(store: Store, entryId: number, settings: PostingSettings): PlannedLine[] {
  const rows = store.sql
    .prepare(
      `SELECT role, account, account_label AS accountLabel, auxiliary_account AS auxiliaryCode,
         auxiliary_label AS auxiliaryLabel, piece_ref AS pieceRef, label,
         debit_cents AS debitCents, credit_cents AS creditCents, invoice_id AS invoiceId,
         customer_id AS customerId, allocation_id AS allocationId, decided_by AS decidedBy
       FROM journal_line WHERE entry_id = ? ORDER BY position`,
    )
    .all(entryId) as Array<{
    role: LineRole;
    account: string;
    accountLabel: string;
    auxiliaryCode: string | null;
    auxiliaryLabel: string | null;
    pieceRef: string;
    label: string;
    debitCents: number;
    creditCents: number;
    invoiceId: number | null;
    customerId: number | null;
    allocationId: number | null;
    decidedBy: string | null;
  }>;
  return rows.map((row) => {
    if (row.role === 'bank' || row.role === 'suspense') {
      return {
        role: 'suspense',
        account: settings.suspenseAccount,
        accountLabel: accountLabel(settings.suspenseAccount),
        pieceRef: row.pieceRef,
        label: 'Encaissement à réaffecter',
        debitCents: row.creditCents,
        creditCents: row.debitCents,
      };
    }
    const line: PlannedLine = {
      role: row.role,
      account: row.account,
      accountLabel: row.accountLabel,
      pieceRef: row.pieceRef,
      label: `Annulation ${row.label}`,
      debitCents: row.creditCents,
      creditCents: row.debitCents,
    };
    if (row.auxiliaryCode !== null) {
      line.auxiliary = { code: row.auxiliaryCode, label: row.auxiliaryLabel ?? '' };
    }
    if (row.invoiceId !== null) line.invoiceId = row.invoiceId;
    if (row.customerId !== null) line.customerId = row.customerId;
    if (row.allocationId !== null) line.allocationId = row.allocationId;
    if (row.decidedBy !== null) line.decidedBy = row.decidedBy;
    return line;
  });
}

/** YYYY-MM-DD in local time: the clerk's today, not UTC's. */
export function localDate(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}
