import type { Store } from '../db/store.js';
import { formatCentsPlain } from '../money/cents.js';
import type { StoredProposalLine } from './save-decisions.js';

export interface ExportedLine {
  company: string;
  invoice: string;
  customer: string;
  amount: string;
  kind: string;
}

export interface ExportedProposal {
  rank: number;
  score: number;
  allocations: ExportedLine[];
  explanation: string;
}

/** One credit transaction in the allocations export; the README documents every field. */
export interface ExportedReceipt {
  id: number;
  company: string;
  source: { file: string; index: number };
  bookingDate: string;
  amount: string;
  currency: string;
  payer: { name: string | null; iban: string | null };
  remittance: string;
  status: string;
  confidence: number;
  allocations: ExportedLine[];
  proposals: ExportedProposal[];
  explanation: string;
}

interface TransactionRow {
  id: number;
  company: string;
  file: string;
  sourceIndex: number;
  bookingDate: string;
  amountCents: number;
  currency: string;
  payerName: string | null;
  payerIban: string | null;
  remittance: string;
  status: string;
  confidence: number | null;
  explanation: string | null;
}

/**
 * Every credit transaction with its outcome: the allocation made (for a proposal, the best
 * proposal) and the ranked proposals, in file order.
 */
export function exportAllocations(store: Store): ExportedReceipt[] {
  const { sql } = store;
  const transactions = sql
    .prepare(
      `SELECT t.id, c.code AS company, t.source_file AS file, t.source_index AS sourceIndex,
         t.booking_date AS bookingDate, t.amount_cents AS amountCents, t.currency,
         t.payer_name AS payerName, t.payer_iban AS payerIban, t.remittance,
         t.match_status AS status, t.confidence, t.explanation
       FROM bank_transaction t JOIN company c ON c.id = t.company_id
       WHERE t.amount_cents > 0
       ORDER BY t.source_file, t.source_index, t.id`,
    )
    .all() as TransactionRow[];
  const invoices = new Map(
    (
      sql
        .prepare(
          `SELECT i.id, i.number, co.code AS company, cu.code AS customer
           FROM invoice i JOIN company co ON co.id = i.company_id
           JOIN customer cu ON cu.id = i.customer_id`,
        )
        .all() as Array<{ id: number; number: string; company: string; customer: string }>
    ).map((row) => [row.id, row]),
  );
  const allocations = groupBy(
    sql
      .prepare(
        `SELECT a.transaction_id AS transactionId, a.invoice_id AS invoiceId,
           a.amount_cents AS amountCents, a.kind, co.code AS company, cu.code AS customer
         FROM allocation a JOIN company co ON co.id = a.company_id
         LEFT JOIN customer cu ON cu.id = a.customer_id
         ORDER BY a.id`,
      )
      .all() as Array<{
      transactionId: number;
      invoiceId: number;
      amountCents: number;
      kind: string;
      company: string;
      customer: string | null;
    }>,
  );
  const proposals = groupBy(
    sql
      .prepare(
        `SELECT transaction_id AS transactionId, rank, score, lines_json AS linesJson, explanation
         FROM proposal ORDER BY transaction_id, rank`,
      )
      .all() as Array<{
      transactionId: number;
      rank: number;
      score: number;
      linesJson: string;
      explanation: string;
    }>,
  );
  // Money put on account names no invoice: its company and customer are the allocation's own.
  const line = (
    invoiceId: number,
    amountCents: number,
    kind: string,
    own?: { company: string; customer: string | null },
  ): ExportedLine => {
    const invoice = invoices.get(invoiceId);
    return {
      company: invoice?.company ?? own?.company ?? '',
      invoice: invoice?.number ?? '',
      customer: invoice?.customer ?? own?.customer ?? '',
      amount: formatCentsPlain(amountCents),
      kind,
    };
  };
  return transactions.map((row) => {
    const ranked = (proposals.get(row.id) ?? []).map((proposal) => ({
      rank: proposal.rank,
      score: proposal.score,
      allocations: (JSON.parse(proposal.linesJson) as StoredProposalLine[]).map((stored) =>
        line(stored.invoiceId, stored.amountCents, stored.kind),
      ),
      explanation: proposal.explanation,
    }));
    const made = (allocations.get(row.id) ?? []).map((allocation) =>
      line(allocation.invoiceId, allocation.amountCents, allocation.kind, allocation),
    );
    return {
      id: row.id,
      company: row.company,
      source: { file: row.file, index: row.sourceIndex },
      bookingDate: row.bookingDate,
      amount: formatCentsPlain(row.amountCents),
      currency: row.currency,
      payer: { name: row.payerName, iban: row.payerIban },
      remittance: row.remittance,
      status: row.status,
      confidence: row.confidence ?? 0,
      allocations:
        made.length > 0 || row.status !== 'proposed' ? made : (ranked[0]?.allocations ?? []),
      proposals: ranked,
      explanation: row.explanation ?? '',
    };
  });
}

function groupBy<T extends { transactionId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.transactionId);
    if (list === undefined) groups.set(row.transactionId, [row]);
    else list.push(row);
  }
  return groups;
}
