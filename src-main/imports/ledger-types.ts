import type { Cents } from '../money/cents.js';

export type LedgerFormat = 'fec' | 'csv';

export type OpenItemKind = 'invoice' | 'creditNote' | 'payment';

/**
 * An open item of a customer account: an invoice, a credit note or an unallocated payment
 * still waiting for its lettrage in the accounting.
 */
export interface LedgerOpenItem {
  /** 1-based line of the file (the first line of the item when it spans several). */
  line: number;
  /** Company code, when the file names it (the CSV export does, FEC does not). */
  company?: string;
  customerCode: string;
  customerName: string;
  /** The invoice or credit note number (FEC PieceRef). */
  number: string;
  kind: OpenItemKind;
  /** YYYY-MM-DD */
  issueDate: string;
  dueDate?: string;
  /** Signed from the company's side: positive for what the customer owes. */
  amountCents: Cents;
  /** Signed like `amountCents`; what remains to be settled. */
  openAmountCents: Cents;
  /** The collective account the line was booked on (411000...). */
  account?: string;
  label?: string;
}

/**
 * An invoice the ledger shows as fully paid: every line of its piece carries a full
 * lettrage. Kept so that a transfer naming it is known as paying it twice.
 */
export interface LedgerSettledInvoice {
  customerCode: string;
  /** The invoice number (FEC PieceRef). */
  number: string;
  /** Positive: what the invoice asked of the customer. */
  amountCents: Cents;
  /** YYYY-MM-DD */
  issueDate: string;
}

/** A customer as the ledger names it. */
export interface LedgerCustomer {
  /** Company code, when the file names it (the CSV export does, FEC does not). */
  company?: string;
  code: string;
  name: string;
  account?: string;
  /** SIREN, when the CSV export gives one (a SIRET is cut to its SIREN). */
  siren?: string;
  /** IBAN without spaces, when the CSV export gives one. */
  iban?: string;
}

/**
 * A customer ledger read from a file: the open items at the date of the export. Importing
 * it replaces what the mirror holds for that company: items missing from it are closed.
 */
export interface ParsedLedger {
  format: LedgerFormat;
  /** SIREN found in a FEC file name (`123456789FEC20250930.txt`). */
  siren?: string;
  customers: LedgerCustomer[];
  items: LedgerOpenItem[];
  /** The invoices it shows as paid; always empty for the open-items CSV, which has none. */
  settledInvoices: LedgerSettledInvoice[];
  /** Number of data lines read, customer account or not. */
  lineCount: number;
  /** FEC only: invoiced revenue per month (YYYY-MM), from the sales journals' customer lines. */
  revenueByMonth?: Map<string, Cents>;
  /** FEC only: how many customer-account lines have each key (see `customerLineKey`). */
  customerLineKeys?: Map<string, number>;
  /** FEC only: per customer account, the position (A = 0) of the highest lettrage code used. */
  highestLettering?: Map<string, number>;
  /**
   * FEC only: the date the ledger stands at, YYYY-MM-DD: its latest EcritureDate, or the date
   * of its file name when it holds no line. (A CSV's is per company: see `ledgerDateOf`.)
   */
  ledgerDate?: string;
  /** FEC only: the bank accounts (512...) its treasury journals use. */
  bankAccounts?: string[];
  /** FEC only: every line is numbered as Lettra numbers its batches (`LBQ000001`). */
  lettraNumbersOnly?: boolean;
  /** FEC only: the entries (journal and EcritureNum) whose debits and credits differ. */
  unbalancedEntries?: string[];
}
