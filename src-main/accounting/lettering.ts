import type { Database } from 'better-sqlite3';
import { letteringCode, writtenCode } from './lettering-codes.js';
import { settlingKinds } from './posting-lines.js';

const settling = `(${settlingKinds.map((kind) => `'${kind}'`).join(', ')})`;
// Correlated, so that its cost does not grow with the number of entries waiting for export.
const unexported =
  '(SELECT e.batch_id FROM journal_entry e WHERE e.id = journal_line.entry_id) IS NULL';

/**
 * What is still open on a document as the accounting will see it once it has imported
 * Lettra's entries: the ledger's open amount less what Lettra posted and the ledger does not
 * reflect yet. Allocations without a live entry are not in the accounting, so not counted.
 * One parameter: the invoice id.
 */
export const remainingSql = `SELECT i.ledger_open_cents - coalesce((
    SELECT sum(a.amount_cents) FROM allocation a
    WHERE a.invoice_id = i.id AND a.kind IN ${settling}
      AND EXISTS (SELECT 1 FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
        WHERE l.allocation_id = a.id AND e.kind <> 'reversal' AND e.status = 'posted'
          AND e.reflected_import_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id))
  ), 0) FROM invoice i WHERE i.id = ?`;

/** What a change did to lettrage codes, for the clerk and the audit. */
export interface LetteringChange {
  cancelled: string[];
  reopened: string[];
}

interface Group {
  id: number;
  code: string;
  state: 'partial' | 'full' | 'cancelled';
}

/**
 * Keeps the lettrage of the customer accounts: a code per set of documents (invoices and
 * credit notes) and the payment lines that settle them, per customer account, sequential and
 * never reused. A set whose documents are all settled is lettered in full (upper case); one
 * still owed something is partial (lower case) and goes full when the rest arrives. The code
 * written on a line is kept as it was exported: later changes only reach unexported lines.
 */
export class Letterer {
  private readonly q: ReturnType<typeof prepareQueries>;

  constructor(sql: Database) {
    this.q = prepareQueries(sql);
  }

  /**
   * Letters the customer lines of a freshly posted entry, per customer: documents now
   * settled in full share one new code with the lines that settle them, unless they already
   * belong to a partial lettrage, which then goes full; documents still owed something get or
   * keep a partial code. A credit note used up by a partial payment joins the invoice's
   * partial lettrage rather than being lettered alone.
   */
  letterEntry(entryId: number, entryDate: string): LetteringChange {
    const customers = new Map<number, { companyId: number; documents: number[] }>();
    for (const line of this.q.entryLines.all(entryId) as EntryLine[]) {
      const customer = customers.get(line.customerId) ?? {
        companyId: line.companyId,
        documents: [],
      };
      if (!customer.documents.includes(line.invoiceId)) customer.documents.push(line.invoiceId);
      customers.set(line.customerId, customer);
    }

    const touched = new Set<number>();
    for (const [customerId, { companyId, documents }] of customers) {
      const newGroup = () => this.createGroup(companyId, customerId, entryDate);
      const targets = new Map<number, number>();
      const partialGroups: number[] = [];
      const settledWithoutGroup: number[] = [];
      for (const document of documents) {
        const settled = (this.q.remaining.get(document) as number) === 0;
        const existing = this.q.liveGroup.get(document) as Group | undefined;
        if (existing !== undefined) {
          targets.set(document, existing.id);
          if (!settled) partialGroups.push(existing.id);
        } else if (settled) {
          settledWithoutGroup.push(document);
        } else {
          const group = newGroup();
          targets.set(document, group);
          partialGroups.push(group);
        }
      }
      if (settledWithoutGroup.length > 0) {
        const onlyCreditNotes = settledWithoutGroup.every(
          (document) => this.q.documentKind.get(document) === 'creditNote',
        );
        const group =
          onlyCreditNotes && partialGroups[0] !== undefined ? partialGroups[0] : newGroup();
        for (const document of settledWithoutGroup) targets.set(document, group);
      }
      for (const [document, group] of targets) {
        this.q.insertDocument.run(group, document, entryId);
        this.q.attachOrphans.run(group, document);
        touched.add(group);
      }
    }
    return this.settle([...touched]);
  }

  /**
   * Takes an entry about to be deleted out of its lettrages: its lines and the documents it
   * brought. Returns the groups touched, to `settle` once its allocations are gone.
   */
  detachEntry(entryId: number): number[] {
    const groups = this.q.groupsOfEntry.all(entryId) as number[];
    this.q.removeDocumentsOf.run(entryId);
    this.q.detachLines.run(entryId);
    return groups;
  }

  /**
   * Withdraws every lettrage an exported entry's lines take part in, when a reversing entry
   * undoes it: the accounting unletters those codes, and they are never handed out again.
   */
  cancelGroupsOf(entryId: number): string[] {
    const codes: string[] = [];
    for (const id of this.q.groupsOfEntry.all(entryId) as number[]) {
      const group = this.q.group.get(id) as Group;
      this.q.cancel.run(id);
      this.q.clearUnexported.run(id);
      codes.push(group.code);
    }
    return codes;
  }

  /**
   * Brings groups up to date after a change: a group left without documents or lines is
   * cancelled; any other is full when all its documents are settled, partial otherwise, and
   * its code is rewritten on its lines not exported yet.
   */
  settle(groupIds: readonly number[]): LetteringChange {
    const change: LetteringChange = { cancelled: [], reopened: [] };
    for (const id of groupIds) {
      const group = this.q.group.get(id) as Group;
      if (group.state === 'cancelled') continue;
      this.q.dropStrayLines.run(id, id);
      const documents = this.q.documents.all(id) as number[];
      if (documents.length === 0 || (this.q.lineCount.get(id) as number) === 0) {
        this.q.cancel.run(id);
        this.q.clearUnexported.run(id);
        change.cancelled.push(group.code);
        continue;
      }
      const full = documents.every((document) => (this.q.remaining.get(document) as number) === 0);
      const state = full ? 'full' : 'partial';
      if (group.state === 'full' && !full) change.reopened.push(group.code);
      const date = this.q.latestDate.get(id) as string;
      this.q.updateGroup.run(state, date, id);
      const numbers = (this.q.documentNumbers.all(id) as string[]).join(' ');
      this.q.writeCodes.run(writtenCode(group.code, state), date, numbers, id);
    }
    return change;
  }

  /**
   * Gives a lettrage not exported yet the next code of its customer account, because the
   * accounting package has used its code meanwhile; its lines are rewritten with it.
   */
  renumber(groupId: number): void {
    const customerId = this.q.groupCustomer.get(groupId) as number;
    const index = this.q.nextIndex.get(customerId) as number;
    this.q.recode.run(letteringCode(index), groupId);
    this.settle([groupId]);
  }

  private createGroup(companyId: number, customerId: number, date: string): number {
    const index = this.q.nextIndex.get(customerId) as number;
    const { lastInsertRowid } = this.q.insertGroup.run(
      companyId,
      customerId,
      letteringCode(index),
      date,
      new Date().toISOString(),
    );
    return Number(lastInsertRowid);
  }
}

interface EntryLine {
  invoiceId: number;
  customerId: number;
  companyId: number;
}

function prepareQueries(sql: Database) {
  return {
    entryLines: sql.prepare(
      `SELECT l.invoice_id AS invoiceId, l.customer_id AS customerId, e.company_id AS companyId
       FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
       WHERE l.entry_id = ? AND l.role IN ${settling}
         AND l.invoice_id IS NOT NULL AND l.customer_id IS NOT NULL
       ORDER BY l.position`,
    ),
    remaining: sql.prepare(remainingSql).pluck(),
    documentKind: sql.prepare('SELECT kind FROM invoice WHERE id = ?').pluck(),
    liveGroup: sql.prepare(
      `SELECT g.id, g.code, g.state FROM lettering_document d
       JOIN lettering g ON g.id = d.lettering_id
       WHERE d.invoice_id = ? AND g.state <> 'cancelled'`,
    ),
    nextIndex: sql
      .prepare(
        `INSERT INTO lettering_counter (customer_id, next_index) VALUES (?, 1)
         ON CONFLICT (customer_id) DO UPDATE SET next_index = next_index + 1
         RETURNING next_index - 1`,
      )
      .pluck(),
    insertGroup: sql.prepare(
      `INSERT INTO lettering (company_id, customer_id, code, state, lettered_on, created_at)
       VALUES (?, ?, ?, 'partial', ?, ?)`,
    ),
    insertDocument: sql.prepare(
      `INSERT OR IGNORE INTO lettering_document (lettering_id, invoice_id, added_by_entry_id)
       VALUES (?, ?, ?)`,
    ),
    attachOrphans: sql.prepare(
      `UPDATE journal_line SET lettering_id = ? WHERE id IN (
         SELECT l.id FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
         LEFT JOIN lettering g ON g.id = l.lettering_id
         WHERE l.invoice_id = ? AND l.role IN ${settling} AND e.kind <> 'reversal'
           AND e.status = 'posted'
           AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id)
           AND (l.lettering_id IS NULL OR g.state = 'cancelled'))`,
    ),
    group: sql.prepare('SELECT id, code, state FROM lettering WHERE id = ?'),
    groupCustomer: sql.prepare('SELECT customer_id FROM lettering WHERE id = ?').pluck(),
    recode: sql.prepare('UPDATE lettering SET code = ? WHERE id = ?'),
    groupsOfEntry: sql
      .prepare(
        `SELECT DISTINCT l.lettering_id FROM journal_line l JOIN lettering g ON g.id = l.lettering_id
         WHERE l.entry_id = ? AND g.state <> 'cancelled'`,
      )
      .pluck(),
    documents: sql
      .prepare('SELECT invoice_id FROM lettering_document WHERE lettering_id = ?')
      .pluck(),
    documentNumbers: sql
      .prepare(
        `SELECT i.number FROM lettering_document d JOIN invoice i ON i.id = d.invoice_id
         WHERE d.lettering_id = ? ORDER BY i.number`,
      )
      .pluck(),
    lineCount: sql.prepare('SELECT count(*) FROM journal_line WHERE lettering_id = ?').pluck(),
    latestDate: sql
      .prepare(
        `SELECT max(e.entry_date) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
         WHERE l.lettering_id = ?`,
      )
      .pluck(),
    updateGroup: sql.prepare('UPDATE lettering SET state = ?, lettered_on = ? WHERE id = ?'),
    writeCodes: sql.prepare(
      `UPDATE journal_line SET lettering_code = ?, lettering_date = ?, lettered_documents = ?
       WHERE lettering_id = ? AND ${unexported}`,
    ),
    clearUnexported: sql.prepare(
      `UPDATE journal_line SET lettering_id = NULL, lettering_code = NULL,
         lettering_date = NULL, lettered_documents = NULL
       WHERE lettering_id = ? AND ${unexported}`,
    ),
    dropStrayLines: sql.prepare(
      `UPDATE journal_line SET lettering_id = NULL, lettering_code = NULL,
         lettering_date = NULL, lettered_documents = NULL
       WHERE lettering_id = ? AND ${unexported}
         AND invoice_id NOT IN (SELECT invoice_id FROM lettering_document WHERE lettering_id = ?)`,
    ),
    cancel: sql.prepare(`UPDATE lettering SET state = 'cancelled' WHERE id = ?`),
    removeDocumentsOf: sql.prepare('DELETE FROM lettering_document WHERE added_by_entry_id = ?'),
    detachLines: sql.prepare('UPDATE journal_line SET lettering_id = NULL WHERE entry_id = ?'),
  };
}
