import type { Cents } from '../money/cents.js';
import { openShareOfPartialLines } from './fec-lettering.js';
import type { LedgerOpenItem, LedgerSettledInvoice } from './ledger-types.js';

/** A customer-account line not fully settled: unlettered, or partially lettered. */
export interface OpenLine {
  line: number;
  customerCode: string;
  account: string;
  /** PieceRef, or EcritureNum when the piece reference is missing. */
  number: string;
  label: string;
  issueDate: string;
  dueDate?: string;
  /** Booked in a bank or cash journal: a credit there is a payment, elsewhere a credit note. */
  fromTreasuryJournal: boolean;
  journalCode: string;
  /** Debit minus credit: positive when the customer owes it. */
  cents: Cents;
  /** The partial lettering code, or '' for a line that carries none. */
  lettering: string;
}

/** A customer-account line carrying a full lettering code: the lines of its code balance. */
export type SettledLine = Pick<
  OpenLine,
  'line' | 'customerCode' | 'number' | 'issueDate' | 'fromTreasuryJournal' | 'journalCode' | 'cents'
> & {
  /** Booked in a sales journal, which invoices even when it also books the till's cash. */
  fromSalesJournal: boolean;
};

interface Piece {
  first: OpenLine;
  amountCents: Cents;
  openAmountCents: Cents;
  fromTreasuryJournal: boolean;
  dueDate?: string;
}

/**
 * Turns the open lines of the customer accounts into open items, one per customer and
 * piece: the amount is the sum of the piece's open lines, the open amount what remains once
 * partial lettrages are taken into account (equal to the amount when there is none). A piece
 * whose open lines cancel out owes nothing and gives no item. Items come in the order of
 * their first line in the file.
 */
export function collectOpenItems(
  lines: readonly OpenLine[],
  customerNames: ReadonlyMap<string, string>,
): LedgerOpenItem[] {
  const partialShares = openShareOfPartialLines(lines.filter((line) => line.lettering !== ''));
  const pieces = new Map<string, Piece>();

  for (const line of lines) {
    const openCents = line.lettering === '' ? line.cents : (partialShares.get(line) ?? 0);
    // A partially lettered line with no share left is covered by its lettrage.
    if (openCents === 0 && line.lettering !== '') continue;

    const key = pieceKey(line);
    const piece = pieces.get(key);
    if (piece === undefined) {
      pieces.set(key, {
        first: line,
        amountCents: line.cents,
        openAmountCents: openCents,
        fromTreasuryJournal: line.fromTreasuryJournal,
        dueDate: line.dueDate,
      });
      continue;
    }
    piece.amountCents += line.cents;
    piece.openAmountCents += openCents;
    piece.fromTreasuryJournal ||= line.fromTreasuryJournal;
    piece.dueDate ??= line.dueDate;
  }

  const items: LedgerOpenItem[] = [];
  for (const piece of pieces.values()) {
    if (piece.openAmountCents === 0) continue;
    items.push(toItem(piece, customerNames));
  }
  return items;
}

function toItem(piece: Piece, customerNames: ReadonlyMap<string, string>): LedgerOpenItem {
  const { first } = piece;
  const sign = Math.sign(piece.amountCents) || Math.sign(piece.openAmountCents);
  const item: LedgerOpenItem = {
    line: first.line,
    customerCode: first.customerCode,
    customerName: customerNames.get(first.customerCode) ?? '',
    number: first.number,
    // A credit balance from the sales journal is an avoir; anywhere else it is money
    // received and not yet allocated to an invoice.
    kind: sign > 0 ? 'invoice' : piece.fromTreasuryJournal ? 'payment' : 'creditNote',
    issueDate: first.issueDate,
    amountCents: piece.amountCents,
    openAmountCents: piece.openAmountCents,
    account: first.account,
    label: first.label,
  };
  if (piece.dueDate !== undefined) item.dueDate = piece.dueDate;
  return item;
}

/**
 * The invoices the ledger shows as paid: pieces (customer and PieceRef, as for open items)
 * whose every line is fully lettered and whose invoicing lines owe the company money.
 * Invoicing lines are those outside bank and cash journals (a sales journal always
 * invoices): some packages give a payment its invoice's PieceRef, and it must not cancel the
 * invoice's amount; a piece booked in treasury journals only is a payment or a refund.
 */
export function collectSettledInvoices(
  settledLines: readonly SettledLine[],
  openLines: readonly OpenLine[],
): LedgerSettledInvoice[] {
  const notSettled = new Set(openLines.map(pieceKey));
  const pieces = new Map<string, { first: SettledLine; amountCents: Cents }>();

  for (const line of settledLines) {
    if (line.fromTreasuryJournal && !line.fromSalesJournal) continue;
    const key = pieceKey(line);
    if (notSettled.has(key)) continue;
    const piece = pieces.get(key);
    if (piece === undefined) pieces.set(key, { first: line, amountCents: line.cents });
    else piece.amountCents += line.cents;
  }

  const invoices: LedgerSettledInvoice[] = [];
  for (const { first, amountCents } of pieces.values()) {
    // A piece with no reference names nothing a transfer could name.
    if (amountCents <= 0 || first.number === '') continue;
    invoices.push({
      customerCode: first.customerCode,
      number: first.number,
      amountCents,
      issueDate: first.issueDate,
    });
  }
  return invoices;
}

function pieceKey(line: Pick<OpenLine, 'customerCode' | 'number'>): string {
  return `${line.customerCode}\u0000${line.number}`;
}
