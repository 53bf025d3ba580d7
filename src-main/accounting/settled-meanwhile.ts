import type { Store } from '../db/store.js';
import { createLogger } from '../log/logger.js';
import { remainingSql } from './lettering.js';
import { settlingKinds } from './posting-lines.js';
import { undoAllocation } from './undo-allocation.js';

const log = createLogger('accounting');
const settling = `(${settlingKinds.map((kind) => `'${kind}'`).join(', ')})`;

/** The explanation a receipt set aside carries, for the clerk's queue. */
export const settledMeanwhileExplanation =
  'settled in the accounting meanwhile: a ledger import closed what this receipt paid before ' +
  'Lettra exported it; check the ledger before allocating it again';

/**
 * After a ledger import: finds the documents the accounting settled by hand while Lettra's
 * own entry for them was still waiting for export (what Lettra would still settle on them
 * now exceeds what the ledger leaves open), and sets those receipts aside rather than book
 * them a second time. Newest first, only as many receipts as it takes: each one's
 * unexported entry is undone (deleted with its lettrage), its allocation removed, and it
 * waits for a clerk as unmatched with `settledMeanwhileExplanation`. Returns how many.
 */
export function setAsideSettledMeanwhile(
  store: Store,
  companyId: number,
  importFileId: number,
  actor = 'ledger import',
): number {
  const { sql } = store;
  const documents = sql
    .prepare(
      `SELECT DISTINCT l.invoice_id FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
       WHERE e.company_id = ? AND e.batch_id IS NULL AND e.status = 'posted'
         AND e.kind <> 'reversal' AND l.role IN ${settling} AND l.invoice_id IS NOT NULL`,
    )
    .pluck()
    .all(companyId) as number[];
  const remaining = sql.prepare(remainingSql).pluck();
  const sign = sql.prepare('SELECT amount_cents FROM invoice WHERE id = ?').pluck();
  const receipts = sql
    .prepare(
      `SELECT DISTINCT e.transaction_id FROM journal_entry e
       JOIN journal_line l ON l.entry_id = e.id
       WHERE l.invoice_id = ? AND e.batch_id IS NULL AND e.status = 'posted'
         AND e.kind <> 'reversal' AND l.role IN ${settling}
       ORDER BY e.entry_date DESC, e.id DESC`,
    )
    .pluck();
  const setAside = sql.prepare(
    `UPDATE bank_transaction SET match_status = 'unmatched', explanation = ? WHERE id = ?`,
  );
  const record = sql.prepare(
    `INSERT OR IGNORE INTO set_aside_receipt (transaction_id, invoice_id, import_file_id,
       set_aside_at) VALUES (?, ?, ?, ?)`,
  );

  const done = new Set<number>();
  for (const invoiceId of documents) {
    const direction = Math.sign(sign.get(invoiceId) as number) || 1;
    const overdrawn = () => direction * (remaining.get(invoiceId) as number) < 0;
    for (const transactionId of receipts.all(invoiceId) as number[]) {
      if (!overdrawn()) break;
      if (done.has(transactionId)) continue;
      undoAllocation(store, transactionId, actor);
      setAside.run(settledMeanwhileExplanation, transactionId);
      record.run(transactionId, invoiceId, importFileId, new Date().toISOString());
      done.add(transactionId);
    }
  }
  if (done.size > 0) log.info('receipts set aside, settled meanwhile', { count: done.size });
  return done.size;
}
