import type { Store } from '../db/store.js';
import { LettraError } from '../errors/lettra-error.js';
import { formatCentsPlain, parseDecimalToCents } from '../money/cents.js';
import type { AllocationKind } from './allocation-kinds.js';
import { allocationKinds, type ClerkLine } from './clerk-decision.js';

/** An allocation line as stored, and as a decision reads and writes it. */
export interface AllocationRow {
  invoiceId: number | null;
  companyId: number;
  customerId: number | null;
  amountCents: number;
  kind: string;
  decidedBy: string;
}

/** The kinds of line that settle an item, as opposed to differences attached to it. */
export const settlingKinds = new Set(['invoice', 'partial', 'creditNote', 'otherCompany']);
const settling = settlingKinds;

/**
 * The lines of an `allocate` decision, checked against the items they name: each exists,
 * settles at most what is open on the right side, and together they add up to the receipt.
 */
export function clerkLines(
  store: Store,
  lines: ClerkLine[],
  transaction: { id: number; amountCents: number },
): AllocationRow[] {
  if (lines.length === 0) {
    throw new LettraError('input.missingField', 'allocate needs at least one line', {
      field: 'allocations',
    });
  }
  // What is still open on the item, leaving out what this very receipt settled before.
  const findInvoice = store.sql.prepare(
    `SELECT i.id, i.company_id AS companyId, i.customer_id AS customerId, i.kind AS itemKind,
       i.ledger_open_cents - coalesce((SELECT sum(a.amount_cents) FROM allocation a
         WHERE a.invoice_id = i.id AND a.transaction_id <> ?
           AND a.kind IN ('invoice', 'partial', 'creditNote', 'otherCompany')), 0) AS openCents
     FROM invoice i JOIN company c ON c.id = i.company_id WHERE c.code = ? AND i.number = ?
     ORDER BY (i.ledger_open_cents <> 0) DESC, i.id DESC`,
  );
  const rows = lines.map((line, position) => {
    const field = `allocations[${position}]`;
    const kind = line.kind ?? 'invoice';
    if (!allocationKinds.has(kind)) {
      throw new LettraError('input.malformed', `unknown kind ${kind}`, { field: `${field}.kind` });
    }
    const invoice = findInvoice.get(transaction.id, line.company, line.invoice) as
      | { id: number; companyId: number; customerId: number; itemKind: string; openCents: number }
      | undefined;
    if (invoice === undefined) {
      throw new LettraError(
        'input.malformed',
        `company ${line.company} has no invoice ${line.invoice}`,
        {
          field: `${field}.invoice`,
        },
      );
    }
    const amountCents = parseDecimalToCents(String(line.amount), { field: `${field}.amount` });
    const settledKind = settlingKind(kind, amountCents, invoice, line.invoice, field);
    return {
      invoiceId: invoice.id,
      companyId: invoice.companyId,
      customerId: invoice.customerId,
      amountCents,
      kind: settledKind,
      decidedBy: 'clerk',
    };
  });
  const total = rows.reduce((sum, row) => sum + row.amountCents, 0);
  if (total !== transaction.amountCents) {
    throw new LettraError(
      'input.malformed',
      `the lines add up to ${total / 100} but the receipt is ${transaction.amountCents / 100}`,
      { field: 'allocations' },
    );
  }
  return rows;
}

/**
 * A clerk's line may settle at most what is open on its item, on the right side: an invoice
 * is paid, a credit note netted. An invoice paid for less than it owes is a partial payment.
 */
function settlingKind(
  kind: AllocationKind,
  amountCents: number,
  item: { itemKind: string; openCents: number },
  number: string,
  field: string,
): AllocationKind {
  if (!settling.has(kind)) return kind;
  const isCreditNote = item.itemKind !== 'invoice';
  const open = formatCentsPlain(item.openCents);
  if ((kind === 'creditNote') !== isCreditNote) {
    throw new LettraError(
      'input.malformed',
      `${number} is ${isCreditNote ? 'a credit note' : 'an invoice'}, not to be settled as ${kind}`,
      { field: `${field}.kind` },
    );
  }
  const outside = isCreditNote
    ? amountCents >= 0 || amountCents < item.openCents
    : amountCents <= 0 || amountCents > item.openCents;
  if (outside) {
    throw new LettraError(
      'input.malformed',
      `${number} has ${open} open: ${formatCentsPlain(amountCents)} cannot settle it`,
      { field: `${field}.amount` },
    );
  }
  return kind === 'invoice' && amountCents < item.openCents ? 'partial' : kind;
}
