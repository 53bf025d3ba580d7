import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import type { Cents } from '../money/cents.js';
import { loadAuditEntries, type AuditEntry } from './audit-entries.js';

export type { AuditEntry, AuditLine } from './audit-entries.js';

/** The bank transaction a chain starts from, with where it was read. */
export interface AuditTransaction {
  id: number;
  company: string;
  statementFile: string;
  /** 1-based line of the statement file, and position among its transactions. */
  sourceLine: number;
  sourceIndex: number;
  bookingDate: string;
  amountCents: Cents;
  payerName: string | null;
  status: string;
  confidence: number | null;
  explanation: string | null;
  matchedAt: string | null;
}

/** An allocation line in force, with who decided it and when. */
export interface AuditAllocation {
  company: string;
  invoice: string | null;
  customer: string | null;
  kind: string;
  amountCents: Cents;
  decidedBy: string;
  decidedAt: string;
}

/** A logged decision on the transaction, when the decision log exists. */
export interface AuditDecision {
  id: number;
  at: string;
  actor: string;
  action: string;
}

/** From statement line to export batch: everything one receipt caused. */
export interface AuditChain {
  transaction: AuditTransaction;
  decisions: AuditDecision[];
  allocations: AuditAllocation[];
  entries: AuditEntry[];
}

export interface AuditInvoice {
  company: string;
  number: string;
  kind: string;
  customer: string;
  customerName: string;
  issueDate: string;
  amountCents: Cents;
  ledgerOpenCents: Cents;
  lettering: Array<{ code: string; state: string; date: string }>;
}

export interface AuditReport {
  invoices: AuditInvoice[];
  chains: AuditChain[];
}

/** The chain of one bank transaction. */
export function auditTransaction(store: Store, transactionId: number): AuditReport {
  return { invoices: [], chains: [chainOf(store, transactionId)] };
}

/**
 * The invoice (every one with that number, or the one of `companyCode`) and the chain of
 * every transaction that was allocated to it or posted a line about it, undone ones included.
 */
export function auditInvoice(store: Store, number: string, companyCode?: string): AuditReport {
  const { sql } = store;
  const invoices = sql
    .prepare(
      `SELECT i.id, co.code AS company, i.number, i.kind, cu.code AS customer,
         cu.name AS customerName, i.issue_date AS issueDate, i.amount_cents AS amountCents,
         i.ledger_open_cents AS ledgerOpenCents
       FROM invoice i JOIN company co ON co.id = i.company_id
       JOIN customer cu ON cu.id = i.customer_id
       WHERE i.number = ? AND (? IS NULL OR co.code = ?) ORDER BY co.code, i.kind`,
    )
    .all(number, companyCode ?? null, companyCode ?? null) as Array<
    Omit<AuditInvoice, 'lettering'> & { id: number }
  >;
  if (invoices.length === 0) {
    throw new LettraError(
      'accounting.unknownInvoice',
      `no invoice numbered ${number}${companyCode === undefined ? '' : ` in company ${companyCode}`}`,
      { value: number },
    );
  }
  const lettering = sql.prepare(
    `SELECT g.code, g.state, g.lettered_on AS date FROM lettering_document d
     JOIN lettering g ON g.id = d.lettering_id WHERE d.invoice_id = ? ORDER BY g.id`,
  );
  const transactions = sql
    .prepare(
      `SELECT transaction_id FROM allocation WHERE invoice_id = ?
       UNION SELECT e.transaction_id FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
       WHERE l.invoice_id = ? ORDER BY 1`,
    )
    .pluck();
  const ids = new Set<number>();
  const found: AuditInvoice[] = invoices.map(({ id, ...invoice }) => {
    for (const transactionId of transactions.all(id, id) as number[]) ids.add(transactionId);
    return {
      ...invoice,
      lettering: lettering.all(id) as AuditInvoice['lettering'],
    };
  });
  return { invoices: found, chains: [...ids].map((id) => chainOf(store, id)) };
}

function chainOf(store: Store, transactionId: number): AuditChain {
  const { sql } = store;
  const transaction = sql
    .prepare(
      `SELECT t.id, c.code AS company, t.source_file AS statementFile, t.source_line AS sourceLine,
         t.source_index AS sourceIndex, t.booking_date AS bookingDate,
         t.amount_cents AS amountCents, t.payer_name AS payerName, t.match_status AS status,
         t.confidence, t.explanation, t.matched_at AS matchedAt
       FROM bank_transaction t JOIN company c ON c.id = t.company_id WHERE t.id = ?`,
    )
    .get(transactionId) as AuditTransaction | undefined;
  if (transaction === undefined) {
    throw new LettraError(
      'accounting.unknownTransaction',
      `no transaction has the id ${transactionId}`,
      { value: String(transactionId) },
    );
  }
  const allocations = sql
    .prepare(
      `SELECT co.code AS company, i.number AS invoice, cu.code AS customer, a.kind,
         a.amount_cents AS amountCents, a.decided_by AS decidedBy, a.created_at AS decidedAt
       FROM allocation a JOIN company co ON co.id = a.company_id
       LEFT JOIN invoice i ON i.id = a.invoice_id
       LEFT JOIN customer cu ON cu.id = coalesce(a.customer_id, i.customer_id)
       WHERE a.transaction_id = ? ORDER BY a.id`,
    )
    .all(transactionId) as AuditAllocation[];
  return {
    transaction,
    decisions: decisionsOf(store, transactionId),
    allocations,
    entries: loadAuditEntries(sql, transactionId),
  };
}

// The decision log belongs to the learning migration; read it when it is there.
function decisionsOf(store: Store, transactionId: number): AuditDecision[] {
  const table = store.sql
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decision_log'`)
    .get();
  if (table === undefined) return [];
  return store.sql
    .prepare('SELECT id, at, actor, action FROM decision_log WHERE transaction_id = ? ORDER BY id')
    .all(transactionId) as AuditDecision[];
}
