import type { Store } from '../db/store.js';
import { customerLineKey } from '../imports/fec-ledger-facts.js';
import type { ParsedLedger } from '../imports/ledger-types.js';
import { settlingKinds } from './posting-lines.js';

const settling = `(${settlingKinds.map((kind) => `'${kind}'`).join(', ')})`;

interface CustomerLine {
  entryId: number;
  entryDate: string;
  auxiliary: string;
  pieceRef: string;
  /** Debit minus credit. */
  cents: number;
  invoiceId: number;
}

/**
 * Marks the exported entries of a company that a ledger just imported already reflects, so
 * that their allocations are no longer taken off the ledger's open amounts (the ledger has
 * done it). An entry counts only once it was exported before this import, and:
 * - FEC: every customer line it settles a document with is in the file (same date,
 *   auxiliary account, piece and signed amount; each line of the file vouches for one line
 *   of Lettra's only);
 * - open-items CSV, which has no lines: for every document it settles, the ledger shows at
 *   least as much settled (amount less open amount) as all of Lettra's exported entries
 *   settled on it. An invoice the file no longer lists counts as settled in full.
 * Once reflected, an entry stays so: a later ledger (a new fiscal year's, which summarises
 * old lines) cannot undo what the accounting has booked. Returns the entries marked.
 */
export function markReflectedEntries(
  store: Store,
  companyId: number,
  importFileId: number,
  ledger: ParsedLedger,
): number {
  const { sql } = store;
  const lines = sql
    .prepare(
      `SELECT e.id AS entryId, e.entry_date AS entryDate, l.auxiliary_account AS auxiliary,
         l.piece_ref AS pieceRef, l.debit_cents - l.credit_cents AS cents,
         l.invoice_id AS invoiceId
       FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
       WHERE e.company_id = ? AND e.batch_id IS NOT NULL AND e.reflected_import_id IS NULL
         AND l.role IN ${settling} AND l.invoice_id IS NOT NULL
       ORDER BY e.id, l.position`,
    )
    .all(companyId) as CustomerLine[];
  const byEntry = new Map<number, CustomerLine[]>();
  for (const line of lines) {
    const list = byEntry.get(line.entryId);
    if (list === undefined) byEntry.set(line.entryId, [line]);
    else list.push(line);
  }

  const reflected =
    ledger.customerLineKeys === undefined
      ? reflectedByAmounts(store, companyId, byEntry)
      : reflectedByLines(ledger.customerLineKeys, byEntry);
  const mark = sql.prepare('UPDATE journal_entry SET reflected_import_id = ? WHERE id = ?');
  for (const entryId of reflected) mark.run(importFileId, entryId);
  return reflected.length;
}

function reflectedByLines(
  keys: ReadonlyMap<string, number>,
  byEntry: ReadonlyMap<number, CustomerLine[]>,
): number[] {
  const available = new Map(keys);
  const reflected: number[] = [];
  for (const [entryId, lines] of byEntry) {
    const wanted = new Map<string, number>();
    for (const line of lines) {
      const key = customerLineKey(line.entryDate, line.auxiliary, line.pieceRef, line.cents);
      wanted.set(key, (wanted.get(key) ?? 0) + 1);
    }
    const present = [...wanted].every(([key, count]) => (available.get(key) ?? 0) >= count);
    if (!present) continue;
    for (const [key, count] of wanted) available.set(key, (available.get(key) ?? 0) - count);
    reflected.push(entryId);
  }
  return reflected;
}

function reflectedByAmounts(
  store: Store,
  companyId: number,
  byEntry: ReadonlyMap<number, CustomerLine[]>,
): number[] {
  const document = store.sql.prepare(
    `SELECT i.amount_cents AS amountCents, i.ledger_open_cents AS openCents,
       coalesce((SELECT sum(l.credit_cents - l.debit_cents) FROM journal_line l
         JOIN journal_entry e ON e.id = l.entry_id
         WHERE l.invoice_id = i.id AND l.role IN ${settling} AND e.company_id = ?
           AND e.batch_id IS NOT NULL AND e.kind <> 'reversal'
           AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id)), 0)
         AS exportedCents
     FROM invoice i WHERE i.id = ?`,
  );
  const reflected: number[] = [];
  for (const [entryId, lines] of byEntry) {
    const documents = new Set(lines.map((line) => line.invoiceId));
    const all = [...documents].every((invoiceId) => {
      const row = document.get(companyId, invoiceId) as {
        amountCents: number;
        openCents: number;
        exportedCents: number;
      };
      const sign = Math.sign(row.amountCents) || 1;
      return sign * (row.amountCents - row.openCents) >= sign * row.exportedCents;
    });
    if (all) reflected.push(entryId);
  }
  return reflected;
}
