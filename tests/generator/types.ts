/**
 * The shapes of a generated group. They belong to the generator alone: the engine is
 * measured against these files, so nothing here may come from src-main.
 */

/** Statement formats a company's bank can send; camt comes in two schema versions. */
export type StatementFormatChoice = 'cfonb120' | 'camt.053.001.02' | 'camt.053.001.08' | 'mt940';

/** How a company's accounting exports its customer ledger. */
export type LedgerFormat = 'fec' | 'csv';

/** What the caller may set; everything but the seed has a default. */
export interface GeneratorOptions {
  seed: number;
  /** Companies of the group (default 10). */
  companyCount?: number;
  /** Customers per company, about 60% public bodies (default 40). */
  customersPerCompany?: number;
  /** Open items per company at the ledger date, credit notes included (default 400). */
  invoicesPerCompany?: number;
  /** Business days of statements (default 15). */
  days?: number;
  /** Credit transactions per company and day, on average (default 12, see group.ts). */
  receiptsPerDay?: number;
  /** First statement day, YYYY-MM-DD (default 2026-11-02); the ledger is the day before. */
  startDate?: string;
  /** Statement format per company, by position; missing ones take the default rotation. */
  statementFormats?: ReadonlyArray<StatementFormatChoice | undefined>;
  /** Ledger format per company, by position; by default two companies in ten export CSV. */
  ledgerFormats?: ReadonlyArray<LedgerFormat | undefined>;
}

/** An invoice numbering scheme: how a sequence number and a year become a number. */
export interface NumberingStyle {
  /** A short id of the pattern ("FA{YYYY}-{6}"), for reports and tests. */
  pattern: string;
  /** Whether the sequence restarts every year (the number shows the year). */
  yearly: boolean;
  format(sequence: number, year: number): string;
}

/** One company of the group with its bank account and habits. */
export interface Company {
  code: string;
  /** Name as the accounting writes it (mixed case, accents). */
  name: string;
  sector: string;
  siren: string;
  siret: string;
  bankName: string;
  bic: string;
  bankCode: string;
  branchCode: string;
  accountNumber: string;
  ribKey: string;
  iban: string;
  statementFormat: StatementFormatChoice;
  ledgerFormat: LedgerFormat;
  numbering: NumberingStyle;
  creditNoteNumbering: NumberingStyle;
  /** Collective accounts of the chart: customers, sales, output VAT, bank. */
  accounts: { customers: string; sales: string; vat: string; bank: string };
  /** VAT rate in per mille of the net amount (200 for 20%). */
  vatPermille: number;
  /** Net amounts of one invoice, in cents. */
  netRange: readonly [number, number];
}

/** A public accountant (comptable public) who pays for many public bodies. */
export interface PublicAccountant {
  id: string;
  /** The name as the accountant's bank account is titled. */
  name: string;
  /** Other names the same payer shows on statements ("TRESOR PUBLIC", "DGFIP"...). */
  aliases: string[];
  iban: string;
}

/** A public body, possibly a customer of several group companies. */
export interface PublicBody {
  id: string;
  type: string;
  /** Official name, upper case ("COMMUNE DE SAINT-GENIS-LAVAL"). */
  name: string;
  /** Shorter names payers and accountants use ("CNE DE ST GENIS LAVAL", "MAIRIE ..."). */
  shortNames: string[];
  accountantId: string;
  /** Departement number, used by mandate references. */
  department: string;
}

/** A customer account of one company (an auxiliary account of 411). */
export interface Customer {
  company: string;
  /** The auxiliary account code (FEC CompAuxNum, CSV customer). */
  code: string;
  /** The name in this company's ledger. */
  name: string;
  kind: 'public' | 'private';
  foreign: boolean;
  body?: PublicBody;
  /** IBANs the customer pays from: the accountant's for a public body. */
  ibans: string[];
  /** Names the payer shows on statements. */
  payerNames: string[];
  /** Relative share of the company's invoices. */
  weight: number;
  /** Days between issue and due date. */
  paymentTermDays: number;
  /** A fixed monthly amount (contract) repeated on several invoices, when the customer has one. */
  subscriptionNetCents?: number;
}

/** An invoice or credit note of the ledger; amounts are signed from the company's side. */
export interface Invoice {
  company: string;
  number: string;
  customer: string;
  kind: 'invoice' | 'creditNote';
  issueDate: string;
  dueDate: string;
  /** Total including VAT: positive for an invoice, negative for a credit note. */
  amountCents: number;
  netCents: number;
  vatCents: number;
  /** What is still open at the ledger date (signed like the amount; 0 when settled). */
  openCents: number;
  /** For a credit note, the invoice it reduces. */
  relatedInvoice?: string;
}

/** A payment booked in the bank journal before the ledger date (history). */
export interface LedgerPayment {
  company: string;
  customer: string;
  date: string;
  /** The customer-account credits of the bank entry: the document paid and the amount. */
  lines: Array<{ invoice: string; amountCents: number }>;
  /** Documents closed by the lettering (invoices and their credit notes); empty if partial. */
  settles: string[];
  /** The lettering code shared by the payment and its invoices; null for a partial one. */
  lettering: string | null;
  label: string;
}

/** The kinds of allocation the truth uses, as in the design's glossary. */
export type AllocationKind =
  | 'invoice'
  | 'priceRevision'
  | 'bankFee'
  | 'writeOff'
  | 'partial'
  | 'creditNote'
  | 'onAccount';

/** One expected allocation of a receipt. */
export interface ExpectedAllocation {
  company: string;
  invoice: string;
  /** The customer the invoice belongs to, so tests can check the ledger agrees. */
  customer: string;
  amountCents: number;
  kind: AllocationKind;
}

/** What the generator knows about a credit transaction. */
export interface TransactionTruth {
  scenario: string;
  expected: ExpectedAllocation[] | null;
  /**
   * For a payment that names no invoice, the due day of each expected invoice: the day's
   * statement imputes such payments on the oldest twins in the order the bank books them.
   */
  unnamedDueDays?: number[];
}

/** One movement on a statement. */
export interface BankTransaction {
  direction: 'credit' | 'debit';
  /** Always positive; the direction gives the sign. */
  amountCents: number;
  bookingDate: string;
  valueDate: string;
  /** The short bank label (CFONB 04 label, MT940 first :86: line). */
  label: string;
  counterpartyName: string;
  counterpartyIban?: string;
  /** The body a public accountant pays for, when the transfer names it (camt UltmtDbtr). */
  ultimatePayerName?: string;
  /** Remittance text as the payer typed it, already cut at 140 characters. */
  remittance: string;
  /** Document numbers the payer sent in structured form (camt Strd/RfrdDocInf/Nb). */
  structuredReferences: string[];
  endToEndId?: string;
  bankReference: string;
  operation: 'transfer' | 'instantTransfer' | 'directDebit' | 'fee' | 'interest' | 'outgoing';
  /** Random bits writers use for cosmetic choices (which CFONB qualifiers appear...). */
  variant: number;
  truth?: TransactionTruth;
}

/** A statement entry: one transaction, or a batch booked as one amount (camt only). */
export interface StatementEntry {
  batch: boolean;
  bankReference: string;
  transactions: BankTransaction[];
}

/** One day's statement of one company. */
export interface Statement {
  company: string;
  day: string;
  /** Base name of the file, unique across the group. */
  file: string;
  format: StatementFormatChoice;
  sequence: number;
  openingCents: number;
  closingCents: number;
  entries: StatementEntry[];
}

/** One credit transaction and what it should be allocated to. */
export interface TruthRecord {
  file: string;
  /** 1-based among all transactions of the file, in file order (each camt TxDtls counts). */
  index: number;
  company: string;
  scenario: string;
  expected: ExpectedAllocation[] | null;
}

/** A whole generated group, in memory. */
export interface GeneratedGroup {
  seed: number;
  ledgerDate: string;
  days: string[];
  companies: Company[];
  accountants: PublicAccountant[];
  customers: Customer[];
  /** Every invoice and credit note, settled history included. */
  invoices: Invoice[];
  payments: LedgerPayment[];
  statements: Statement[];
  truth: TruthRecord[];
}

/** The index of the written files, `manifest.json`. */
export interface Manifest {
  seed: number;
  ledgerDate: string;
  companies: Array<{
    code: string;
    name: string;
    siren: string;
    iban: string;
    bankCode: string;
    branchCode: string;
    accountNumber: string;
  }>;
  ledgers: Array<{ company: string; file: string; format: LedgerFormat }>;
  statements: Array<{
    company: string;
    file: string;
    format: 'cfonb120' | 'camt.053' | 'mt940';
    /** The exact schema, for camt ("camt.053.001.08"). */
    schema: StatementFormatChoice;
    day: string;
  }>;
  truth: string;
}
