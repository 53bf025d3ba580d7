import type { Store } from '../db/store.js';
import type { LedgerOpenItem, ParsedLedger } from '../imports/ledger-types.js';
import { markReflectedEntries } from './reflected-entries.js';

export interface LedgerFactsInput {
  companyId: number;
  /** The import_file row of this company's part of the ledger. */
  importFileId: number;
  ledger: ParsedLedger;
  /** The company's open items in the ledger. */
  items: readonly LedgerOpenItem[];
}

/**
 * What the accounting side learns from a ledger import, inside the import's transaction:
 * the revenue per month (for unallocated cash in days of revenue), the lettrage codes the
 * package already used (Lettra's next code per customer account starts above them), and
 * which exported entries the ledger now reflects. Returns how many entries it reflects.
 */
export function recordLedgerFacts(store: Store, input: LedgerFactsInput): number {
  recordRevenue(store, input);
  raiseLetteringCounters(store, input);
  return markReflectedEntries(store, input.companyId, input.importFileId, input.ledger);
}

// A FEC holds every sales line: its months replace what was known. The CSV lists only the
// invoices still open, a lower bound of the month's revenue: it never lowers a figure.
function recordRevenue(store: Store, { companyId, ledger, items }: LedgerFactsInput): void {
  if (ledger.revenueByMonth !== undefined) {
    const upsert = store.sql.prepare(
      `INSERT INTO ledger_revenue (company_id, month, revenue_cents, source) VALUES (?, ?, ?, 'fec')
       ON CONFLICT (company_id, month) DO UPDATE SET revenue_cents = excluded.revenue_cents,
         source = 'fec'`,
    );
    for (const [month, cents] of ledger.revenueByMonth) upsert.run(companyId, month, cents);
    return;
  }
  const byMonth = new Map<string, number>();
  for (const item of items) {
    if (item.kind === 'payment') continue;
    const month = item.issueDate.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + item.amountCents);
  }
  const raise = store.sql.prepare(
    `INSERT INTO ledger_revenue (company_id, month, revenue_cents, source) VALUES (?, ?, ?, 'csv')
     ON CONFLICT (company_id, month) DO UPDATE SET
       revenue_cents = max(revenue_cents, excluded.revenue_cents) WHERE source = 'csv'`,
  );
  for (const [month, cents] of byMonth) raise.run(companyId, month, cents);
}

function raiseLetteringCounters(store: Store, { companyId, ledger }: LedgerFactsInput): void {
  if (ledger.highestLettering === undefined) return;
  const customerId = store.sql
    .prepare('SELECT id FROM customer WHERE company_id = ? AND code = ?')
    .pluck();
  const raise = store.sql.prepare(
    `INSERT INTO lettering_counter (customer_id, next_index) VALUES (?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET next_index = max(next_index, excluded.next_index)`,
  );
  for (const [code, highest] of ledger.highestLettering) {
    const id = customerId.get(companyId, code) as number | undefined;
    if (id !== undefined) raise.run(id, highest + 1);
  }
}
