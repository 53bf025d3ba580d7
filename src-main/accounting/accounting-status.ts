import type { Store } from '../db/store.js';
import type { Cents } from '../money/cents.js';

/** The figures `lettra status` prints for one company. */
export interface CompanyStatus {
  company: string;
  name: string;
  /** Credits on the company's accounts (bank reversals left out), by where they stand. */
  receipts: {
    total: number;
    auto: number;
    validated: number;
    proposed: number;
    unmatched: number;
    pending: number;
    rejected: number;
  };
  /** Share of the receipts allocated by the engine alone, and proposed to a clerk. */
  automationRate: number;
  proposalRate: number;
  /** Receipts not allocated yet (pending, proposed, unmatched). */
  unallocated: { count: number; amountCents: Cents; daysOfRevenue: number | null };
  /** Revenue the days are counted in: the last 12 months of invoices the ledgers showed. */
  revenue: {
    amountCents: Cents;
    firstMonth: string | null;
    lastMonth: string | null;
    /** 'fec' when a FEC gave every invoice; 'csv' when only open items were seen (a lower bound). */
    source: 'fec' | 'csv' | 'none';
  };
  /** Allocated receipts that posting held back for a clerk (see PostingSummary.held). */
  notPosted: number;
  /**
   * Receipts a ledger import set aside, still waiting for a clerk: the accounting settled
   * their documents by hand before Lettra exported its entry (see settled-meanwhile.ts).
   */
  setAside: number;
  entriesToExport: { count: number; debitCents: Cents };
  batches: number;
}

/**
 * Per company: receipts by status, automation rates, cash not allocated in amount and in
 * days of revenue, and the entries waiting for export. A day of revenue is the revenue of
 * the last 12 months recorded (ending with the latest month any ledger showed) divided by the
 * days from the first of those months to the end of the last, so that a ledger covering
 * fewer months is not read as a smaller business.
 */
export function accountingStatus(store: Store): CompanyStatus[] {
  const { sql } = store;
  const companies = sql.prepare('SELECT id, code, name FROM company ORDER BY code').all() as Array<{
    id: number;
    code: string;
    name: string;
  }>;
  const counts = sql.prepare(
    `SELECT match_status AS status, count(*) AS count, sum(amount_cents) AS cents
     FROM bank_transaction WHERE company_id = ? AND amount_cents > 0 AND reversal = 0
     GROUP BY match_status`,
  );
  const revenueRows = sql.prepare(
    `SELECT month, revenue_cents AS cents, source FROM ledger_revenue
     WHERE company_id = ? ORDER BY month DESC`,
  );
  const toExport = sql.prepare(
    `SELECT count(DISTINCT e.id) AS count, coalesce(sum(l.debit_cents), 0) AS debitCents
     FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
     WHERE e.company_id = ? AND e.batch_id IS NULL AND e.status = 'posted'`,
  );
  const batches = sql.prepare('SELECT count(*) FROM export_batch WHERE company_id = ?').pluck();
  const notPosted = sql
    .prepare(
      `SELECT count(*) FROM bank_transaction t
       WHERE t.company_id = ? AND t.match_status IN ('auto', 'validated') AND t.amount_cents > 0
         AND NOT EXISTS (SELECT 1 FROM journal_entry e
           WHERE e.transaction_id = t.id AND e.kind <> 'reversal'
             AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_entry_id = e.id))`,
    )
    .pluck();

  const setAside = sql
    .prepare(
      `SELECT count(DISTINCT t.id) FROM set_aside_receipt s
       JOIN bank_transaction t ON t.id = s.transaction_id
       WHERE t.company_id = ? AND t.match_status IN ('pending', 'proposed', 'unmatched')`,
    )
    .pluck();

  return companies.map((company) => {
    const receipts = {
      total: 0,
      auto: 0,
      validated: 0,
      proposed: 0,
      unmatched: 0,
      pending: 0,
      rejected: 0,
    };
    let unallocatedCents = 0;
    for (const row of counts.all(company.id) as StatusRow[]) {
      receipts.total += row.count;
      if (row.status in receipts) receipts[row.status as keyof typeof receipts] += row.count;
      if (['pending', 'proposed', 'unmatched'].includes(row.status)) unallocatedCents += row.cents;
    }
    const unallocatedCount = receipts.pending + receipts.proposed + receipts.unmatched;
    const revenue = lastTwelveMonths(
      revenueRows.all(company.id) as Array<{ month: string; cents: number; source: string }>,
    );
    const daily = revenue.days > 0 ? revenue.amountCents / revenue.days : 0;
    return {
      company: company.code,
      name: company.name,
      receipts,
      automationRate: share(receipts.auto, receipts.total),
      proposalRate: share(receipts.proposed, receipts.total),
      unallocated: {
        count: unallocatedCount,
        amountCents: unallocatedCents,
        daysOfRevenue: daily > 0 ? Math.round((unallocatedCents / daily) * 10) / 10 : null,
      },
      revenue: {
        amountCents: revenue.amountCents,
        firstMonth: revenue.firstMonth,
        lastMonth: revenue.lastMonth,
        source: revenue.source,
      },
      notPosted: notPosted.get(company.id) as number,
      setAside: setAside.get(company.id) as number,
      entriesToExport: toExport.get(company.id) as { count: number; debitCents: number },
      batches: batches.get(company.id) as number,
    };
  });
}

interface StatusRow {
  status: string;
  count: number;
  cents: number;
}

function lastTwelveMonths(rows: Array<{ month: string; cents: number; source: string }>) {
  const latest = rows[0]?.month;
  if (latest === undefined) {
    return { amountCents: 0, days: 0, firstMonth: null, lastMonth: null, source: 'none' as const };
  }
  const earliestAllowed = addMonths(latest, -11);
  const window = rows.filter((row) => row.month >= earliestAllowed);
  const firstMonth = window.at(-1)?.month ?? latest;
  const start = Date.UTC(Number(firstMonth.slice(0, 4)), Number(firstMonth.slice(5, 7)) - 1, 1);
  const end = Date.UTC(Number(latest.slice(0, 4)), Number(latest.slice(5, 7)), 1);
  return {
    amountCents: window.reduce((sum, row) => sum + row.cents, 0),
    days: Math.round((end - start) / 86_400_000),
    firstMonth,
    lastMonth: latest,
    source: window.some((row) => row.source === 'fec') ? ('fec' as const) : ('csv' as const),
  };
}

function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function share(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 10_000) / 10_000;
}
