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

/** An invoice or credit note a line names, with what is still open on it. */
interface NamedItem {
  id: number;
  companyId: number;
  customerId: number;
  customerCode: string;
  itemKind: string;
  amountCents: number;
  openCents: number;
}

interface NamedCustomer {
  id: number;
  companyId: number;
}

/**
 * The lines of an `allocate` decision, checked against the items they name: each exists,
 * settles at most what is open on the right side, each difference goes the way its kind
 * does, and together they add up to the receipt.
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
  const find = finders(store, transaction.id);
  const rows = lines.map((line, position) => clerkLine(line, `allocations[${position}]`, find));
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

function clerkLine(line: ClerkLine, field: string, find: Finders): AllocationRow {
  const kind = line.kind ?? 'invoice';
  if (!allocationKinds.has(kind)) {
    throw new LettraError('input.malformed', `unknown kind ${kind}`, { field: `${field}.kind` });
  }
  const amountCents = parseDecimalToCents(String(line.amount), { field: `${field}.amount` });
  if (amountCents === 0) {
    throw new LettraError('input.badAmount', 'a line of 0.00 allocates nothing', {
      field: `${field}.amount`,
    });
  }
  const customer = line.customer === undefined ? undefined : find.customer(line, field);
  if (line.invoice === undefined) {
    // Money put on account of a customer, an advance, names no invoice.
    if (kind !== 'onAccount' || customer === undefined) {
      throw new LettraError('input.missingField', 'only money put on account names no invoice', {
        field: `${field}.invoice`,
      });
    }
    checkDifference(kind, amountCents, undefined, field);
    return {
      invoiceId: null,
      companyId: customer.companyId,
      customerId: customer.id,
      amountCents,
      kind,
      decidedBy: 'clerk',
    };
  }
  const item = find.item(line.company, line.invoice, line.customer, field);
  const settledKind = settling.has(kind)
    ? settlingKind(kind, amountCents, item, line.invoice, field)
    : checkDifference(kind, amountCents, { ...item, number: line.invoice }, field);
  return {
    invoiceId: item.id,
    companyId: item.companyId,
    customerId: item.customerId,
    amountCents,
    kind: settledKind,
    decidedBy: 'clerk',
  };
}

interface Finders {
  customer(line: ClerkLine, field: string): NamedCustomer;
  item(company: string, number: string, customer: string | undefined, field: string): NamedItem;
}

function finders(store: Store, transactionId: number): Finders {
  const findCustomer = store.sql.prepare(
    `SELECT cu.id, cu.company_id AS companyId FROM customer cu
     JOIN company c ON c.id = cu.company_id WHERE c.code = ? AND cu.code = ?`,
  );
  // What is still open on each item of that number, leaving out what this very receipt
  // settled before; ledgers reuse a number for several customers.
  const findItems = store.sql.prepare(
    `SELECT i.id, i.company_id AS companyId, i.customer_id AS customerId,
       cu.code AS customerCode, i.kind AS itemKind, i.amount_cents AS amountCents,
       i.ledger_open_cents - coalesce((SELECT sum(a.amount_cents) FROM allocation a
         WHERE a.invoice_id = i.id AND a.transaction_id <> ?
           AND a.kind IN ('invoice', 'partial', 'creditNote', 'otherCompany')), 0) AS openCents
     FROM invoice i JOIN company c ON c.id = i.company_id
     JOIN customer cu ON cu.id = i.customer_id
     WHERE c.code = ? AND i.number = ?
     ORDER BY (i.ledger_open_cents <> 0) DESC, i.id DESC`,
  );
  return {
    customer(line, field) {
      const found = findCustomer.get(line.company, line.customer) as NamedCustomer | undefined;
      if (found === undefined) {
        throw new LettraError(
          'customer.unknown',
          `company ${line.company} has no customer ${line.customer}`,
          { field: `${field}.customer` },
        );
      }
      return found;
    },
    item(company, number, customer, field) {
      const items = findItems.all(transactionId, company, number) as NamedItem[];
      const customers = [...new Set(items.map((item) => item.customerCode))].sort();
      if (items.length === 0) {
        throw new LettraError('input.malformed', `company ${company} has no invoice ${number}`, {
          field: `${field}.invoice`,
        });
      }
      if (customer === undefined && customers.length > 1) {
        throw new LettraError(
          'input.missingField',
          `company ${company} has ${number} for several customers (${customers.join(', ')}): ` +
            'say which with "customer"',
          { field: `${field}.customer` },
        );
      }
      const item = items.find(
        (candidate) => customer === undefined || candidate.customerCode === customer,
      );
      if (item === undefined) {
        throw new LettraError(
          'input.malformed',
          `customer ${customer} of ${company} has no invoice ${number} (${customers.join(', ')} has)`,
          { field: `${field}.invoice` },
        );
      }
      return item;
    },
  };
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

/**
 * A difference goes the way its kind says, which is also the way it is posted: bank fees are
 * deducted from the payment (a debit of 627), a price revision is paid on top, money put on
 * account is received. A write-off goes either way, and neither it nor a fee exceeds the
 * invoice it is attached to.
 */
function checkDifference(
  kind: AllocationKind,
  amountCents: number,
  item: { amountCents: number; number: string } | undefined,
  field: string,
): AllocationKind {
  const amount = formatCentsPlain(amountCents);
  const refuse = (text: string) => {
    throw new LettraError('input.badAmount', text, { field: `${field}.amount` });
  };
  const on = item === undefined ? '' : ` on ${item.number}`;
  if (kind === 'bankFee' && amountCents > 0) {
    refuse(`bank fees${on} are deducted from the payment: -${amount}, not ${amount}`);
  }
  if (kind === 'priceRevision' && amountCents < 0) {
    refuse(`a price revision${on} is paid on top of the invoice: positive, not ${amount}`);
  }
  if (kind === 'onAccount' && amountCents < 0) {
    refuse(`money put on account is received: positive, not ${amount}`);
  }
  const bounded = kind === 'writeOff' || kind === 'bankFee';
  if (bounded && item !== undefined && Math.abs(amountCents) > Math.abs(item.amountCents)) {
    const what = kind === 'writeOff' ? `a write-off of ${amount} is` : `bank fees of ${amount} are`;
    refuse(`${what} more than ${item.number} itself (${formatCentsPlain(item.amountCents)})`);
  }
  return kind;
}
