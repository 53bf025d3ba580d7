import type { Cents } from '../money/cents.js';
import { openShareOfPartialLines } from './fec-lettering.js';
import type { LedgerOpenItem } from './ledger-types.js';

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

    const key = `${line.customerCode}\u0000${line.number}`;
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
