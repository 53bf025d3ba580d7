import type { Store } from '../db/store.js';
import type { Cents } from '../money/cents.js';

export interface OpenItem {
  id: number;
  companyId: number;
  companyCode: string;
  customerId: number;
  number: string;
  kind: 'invoice' | 'creditNote';
  issueDate: string;
  dueDate: string | null;
  /** What the ledger says is open, less what Lettra already allocated to it. */
  remainingCents: Cents;
  /** Of an invoice settled already: what settled it last, what a second payment would repeat. */
  settledCents?: Cents;
}

export interface CustomerRecord {
  id: number;
  companyId: number;
  companyCode: string;
  code: string;
  name: string;
  siren?: string | null;
}

/** The open invoices and credit notes of every company, with their customers, for one run. */
export interface OpenBook {
  items: OpenItem[];
  customers: Map<number, CustomerRecord>;
  itemsByCustomer: Map<number, OpenItem[]>;
}

/**
 * Loads what is still to be settled: the ledger's open amount of each invoice and credit
 * note less what Lettra's allocations settle on it (invoice, partial, credit note, other
 * company lines; a price revision, fee or write-off attached to an invoice settles nothing
 * of it) and the ledger does not reflect yet. An allocation is reflected once the live entry
 * carrying it (its own line, not another entry of the same receipt, and not one a correction
 * undid) was exported and a later ledger import of its company showed it (see
 * reflected-entries.ts): the ledger's open amount already counts it then, and taking it off
 * again would count the receipt twice. Unallocated payments that the ledger lists are not candidates: a transfer
 * never pays them.
 */
export function loadOpenBook(store: Store): OpenBook {
  const rows = store.sql
    .prepare(
      `SELECT i.id, i.company_id AS companyId, c.code AS companyCode, i.customer_id AS customerId,
         i.number, i.kind, i.issue_date AS issueDate, i.due_date AS dueDate,
         i.ledger_open_cents - coalesce(a.allocated, 0) AS remainingCents
       FROM invoice i
       JOIN company c ON c.id = i.company_id
       LEFT JOIN (SELECT a.invoice_id, sum(a.amount_cents) AS allocated FROM allocation a
                  WHERE a.invoice_id IS NOT NULL
                    AND a.kind IN ('invoice', 'partial', 'creditNote', 'otherCompany')
                    AND NOT EXISTS (SELECT 1 FROM journal_line l
                      JOIN journal_entry e ON e.id = l.entry_id
                      WHERE l.allocation_id = a.id AND e.kind <> 'reversal'
                        AND e.reflected_import_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM journal_entry r
                          WHERE r.reverses_entry_id = e.id))
                  GROUP BY a.invoice_id) a ON a.invoice_id = i.id
       WHERE i.ledger_open_cents <> 0 AND i.kind IN ('invoice', 'creditNote')
       ORDER BY coalesce(i.due_date, i.issue_date), i.id`,
    )
    .all() as OpenItem[];
  const items = rows.filter((item) => Math.sign(item.remainingCents) === signOf(item.kind));
  const customers = new Map<number, CustomerRecord>();
  const customerRows = store.sql
    .prepare(
      `SELECT cu.id, cu.company_id AS companyId, co.code AS companyCode, cu.code, cu.name,
         cu.siren FROM customer cu JOIN company co ON co.id = cu.company_id`,
    )
    .all() as CustomerRecord[];
  for (const customer of customerRows) customers.set(customer.id, customer);
  const itemsByCustomer = new Map<number, OpenItem[]>();
  for (const item of items) {
    const list = itemsByCustomer.get(item.customerId);
    if (list === undefined) itemsByCustomer.set(item.customerId, [item]);
    else list.push(item);
  }
  return { items, customers, itemsByCustomer };
}

/**
 * The invoices the group knows and that are no longer open: settled in a later ledger, or by
 * Lettra's allocations, or fully lettered in an imported FEC (settled_invoice rows, given
 * negative ids so that they never meet an invoice's). A transfer naming one pays it twice or
 * names it by mistake; it is no typo of some other open invoice.
 */
export function loadSettledInvoices(store: Store, open: readonly OpenItem[]): OpenItem[] {
  const openIds = new Set(open.map((item) => item.id));
  const rows = store.sql
    .prepare(
      `SELECT i.id, i.company_id AS companyId, c.code AS companyCode, i.customer_id AS customerId,
         i.number, i.kind, i.issue_date AS issueDate, i.due_date AS dueDate, 0 AS remainingCents,
         i.amount_cents AS settledCents
       FROM invoice i JOIN company c ON c.id = i.company_id
       WHERE i.kind = 'invoice' AND (i.ledger_open_cents <= 0 OR i.id IN (SELECT invoice_id
         FROM allocation WHERE kind IN ('invoice', 'partial', 'otherCompany')))`,
    )
    .all() as OpenItem[];
  // The query reads only the rows that may be settled (closed in the ledger, or allocated),
  // not every open invoice of the book.
  const settled = rows.filter((item) => !openIds.has(item.id));

  // A number open again (a lettrage undone) is no longer settled, and one the invoice rows
  // above already give is listed once.
  const numberKey = (item: OpenItem) => `${item.companyId}\u0000${item.number}`;
  const known = new Set([...open, ...settled].map(numberKey));
  const ledgerRows = store.sql
    .prepare(
      `SELECT -s.id AS id, s.company_id AS companyId, c.code AS companyCode,
         coalesce(cu.id, 0) AS customerId, s.number, 'invoice' AS kind,
         s.issue_date AS issueDate, NULL AS dueDate, 0 AS remainingCents,
         s.amount_cents AS settledCents
       FROM settled_invoice s JOIN company c ON c.id = s.company_id
       LEFT JOIN customer cu ON cu.company_id = s.company_id AND cu.code = s.customer_code`,
    )
    .all() as OpenItem[];
  return [...settled, ...ledgerRows.filter((item) => !known.has(numberKey(item)))];
}

function signOf(kind: OpenItem['kind']): number {
  return kind === 'invoice' ? 1 : -1;
}

/** Oldest due first, then the order the ledger gave. */
export function byDueDate(a: OpenItem, b: OpenItem): number {
  return (a.dueDate ?? a.issueDate).localeCompare(b.dueDate ?? b.issueDate) || a.id - b.id;
}
