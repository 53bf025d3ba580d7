import type { Store } from '../db/store.js';
import type { LedgerOpenItem, ParsedLedger } from '../imports/ledger-types.js';
import { letteringIndex } from './lettering-codes.js';
import { Letterer } from './lettering.js';
import {
  defaultPostingSettings,
  loadPostingSettings,
  updatePostingSettings,
} from './posting-settings.js';
import { markReflectedEntries } from './reflected-entries.js';
import { setAsideSettledMeanwhile } from './settled-meanwhile.js';

export interface LedgerFactsInput {
  companyId: number;
  /** The import_file row of this company's part of the ledger. */
  importFileId: number;
  ledger: ParsedLedger;
  /** The company's open items in the ledger. */
  items: readonly LedgerOpenItem[];
}

/** What a ledger import did on the accounting side. */
export interface LedgerFacts {
  /** Exported entries the ledger now reflects. */
  reflected: number;
  /** Receipts set aside: the accounting settled their documents before Lettra exported them. */
  setAside: number;
  /** Lettrage codes Lettra had given but not exported, renumbered above the package's. */
  renumbered: number;
  /** The bank account taken from the ledger's bank journal, when the setting was the default. */
  bankAccount?: string;
}

/**
 * What the accounting side learns from a ledger import, inside the import's transaction:
 * the revenue per month (for unallocated cash in days of revenue), the lettrage codes the
 * package already used (Lettra's next code per customer account starts above them, and its
 * unexported codes the package took meanwhile are renumbered), the company's bank account
 * when it kept the default, which exported entries the ledger now reflects, and which
 * unexported ones it settled by hand meanwhile (those receipts are set aside).
 */
export function recordLedgerFacts(store: Store, input: LedgerFactsInput): LedgerFacts {
  recordRevenue(store, input);
  const renumbered = raiseLetteringCounters(store, input);
  const bankAccount = adoptBankAccount(store, input);
  const reflected = markReflectedEntries(store, input.companyId, input.importFileId, input.ledger);
  const setAside = setAsideSettledMeanwhile(store, input.companyId, input.importFileId);
  return { reflected, setAside, renumbered, ...(bankAccount === undefined ? {} : { bankAccount }) };
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

// The package may have handed out, meanwhile, codes Lettra gave to lines it has not exported:
// those lettrages take new codes above the package's, the counter never going back.
function raiseLetteringCounters(store: Store, { companyId, ledger }: LedgerFactsInput): number {
  if (ledger.highestLettering === undefined) return 0;
  const { sql } = store;
  const customerId = sql
    .prepare('SELECT id FROM customer WHERE company_id = ? AND code = ?')
    .pluck();
  const raise = sql.prepare(
    `INSERT INTO lettering_counter (customer_id, next_index) VALUES (?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET next_index = max(next_index, excluded.next_index)`,
  );
  const unexportedGroups = sql.prepare(
    `SELECT g.id, g.code FROM lettering g WHERE g.customer_id = ? AND g.state <> 'cancelled'
       AND NOT EXISTS (SELECT 1 FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
         WHERE l.lettering_id = g.id AND e.batch_id IS NOT NULL)
     ORDER BY g.id`,
  );
  const letterer = new Letterer(sql);
  let renumbered = 0;
  for (const [code, highest] of ledger.highestLettering) {
    const id = customerId.get(companyId, code) as number | undefined;
    if (id === undefined) continue;
    raise.run(id, highest + 1);
    for (const group of unexportedGroups.all(id) as Array<{ id: number; code: string }>) {
      if ((letteringIndex(group.code) ?? -1) > highest) continue;
      letterer.renumber(group.id);
      renumbered += 1;
    }
  }
  return renumbered;
}

// A company that kept the default bank account takes the one its ledger's bank journal uses,
// when there is exactly one: with several, Lettra cannot tell which statement goes where.
function adoptBankAccount(store: Store, { companyId, ledger }: LedgerFactsInput) {
  const used = ledger.bankAccounts ?? [];
  if (used.length !== 1) return undefined;
  const settings = loadPostingSettings(store, companyId);
  const account = used[0] as string;
  if (settings.bankAccount !== defaultPostingSettings.bankAccount) return undefined;
  if (account === settings.bankAccount) return undefined;
  const code = store.sql.prepare('SELECT code FROM company WHERE id = ?').pluck().get(companyId);
  updatePostingSettings(store, code as string, { bankAccount: account });
  return account;
}
