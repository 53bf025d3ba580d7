import { EntitySchema } from 'typeorm';

/**
 * The ORM view of the tables that migrations/ creates. Schemas rather than decorators, so
 * that the same definitions work under tsc, vitest and any bundler. Hot paths (bulk imports,
 * loading open items for matching) use prepared statements on the same connection instead.
 */

export interface CompanyRow {
  id: number;
  code: string;
  name: string;
  siren: string | null;
  createdAt: string;
}

export const CompanyEntity = new EntitySchema<CompanyRow>({
  name: 'Company',
  tableName: 'company',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    code: { type: 'text', unique: true },
    name: { type: 'text' },
    siren: { type: 'text', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
  },
});

export interface BankAccountRow {
  id: number;
  companyId: number;
  iban: string | null;
  bankCode: string | null;
  branchCode: string | null;
  accountNumber: string | null;
}

export const BankAccountEntity = new EntitySchema<BankAccountRow>({
  name: 'BankAccount',
  tableName: 'bank_account',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    companyId: { type: 'integer', name: 'company_id' },
    iban: { type: 'text', nullable: true },
    bankCode: { type: 'text', name: 'bank_code', nullable: true },
    branchCode: { type: 'text', name: 'branch_code', nullable: true },
    accountNumber: { type: 'text', name: 'account_number', nullable: true },
  },
});

export interface CustomerRow {
  id: number;
  companyId: number;
  code: string;
  name: string;
  siren: string | null;
}

export const CustomerEntity = new EntitySchema<CustomerRow>({
  name: 'Customer',
  tableName: 'customer',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    companyId: { type: 'integer', name: 'company_id' },
    code: { type: 'text' },
    name: { type: 'text' },
    siren: { type: 'text', nullable: true },
  },
});

export interface ImportFileRow {
  id: number;
  kind: 'statement' | 'ledger';
  format: string;
  fileName: string;
  sha256: string;
  companyId: number | null;
  importedAt: string;
  recordCount: number;
  newRecordCount: number;
}

export const ImportFileEntity = new EntitySchema<ImportFileRow>({
  name: 'ImportFile',
  tableName: 'import_file',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'text' },
    format: { type: 'text' },
    fileName: { type: 'text', name: 'file_name' },
    sha256: { type: 'text' },
    companyId: { type: 'integer', name: 'company_id', nullable: true },
    importedAt: { type: 'text', name: 'imported_at' },
    recordCount: { type: 'integer', name: 'record_count' },
    newRecordCount: { type: 'integer', name: 'new_record_count' },
  },
});

export interface InvoiceRow {
  id: number;
  companyId: number;
  customerId: number;
  number: string;
  kind: 'invoice' | 'creditNote' | 'payment';
  issueDate: string;
  dueDate: string | null;
  amountCents: number;
  ledgerOpenCents: number;
}

export const InvoiceEntity = new EntitySchema<InvoiceRow>({
  name: 'Invoice',
  tableName: 'invoice',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    companyId: { type: 'integer', name: 'company_id' },
    customerId: { type: 'integer', name: 'customer_id' },
    number: { type: 'text' },
    kind: { type: 'text' },
    issueDate: { type: 'text', name: 'issue_date' },
    dueDate: { type: 'text', name: 'due_date', nullable: true },
    amountCents: { type: 'integer', name: 'amount_cents' },
    ledgerOpenCents: { type: 'integer', name: 'ledger_open_cents' },
  },
});

export interface BankTransactionRow {
  id: number;
  companyId: number;
  sourceFile: string;
  sourceIndex: number;
  bookingDate: string;
  amountCents: number;
  currency: string;
  payerName: string | null;
  payerIban: string | null;
  remittance: string;
  matchStatus: string;
  confidence: number | null;
}

export const BankTransactionEntity = new EntitySchema<BankTransactionRow>({
  name: 'BankTransaction',
  tableName: 'bank_transaction',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    companyId: { type: 'integer', name: 'company_id' },
    sourceFile: { type: 'text', name: 'source_file' },
    sourceIndex: { type: 'integer', name: 'source_index' },
    bookingDate: { type: 'text', name: 'booking_date' },
    amountCents: { type: 'integer', name: 'amount_cents' },
    currency: { type: 'text' },
    payerName: { type: 'text', name: 'payer_name', nullable: true },
    payerIban: { type: 'text', name: 'payer_iban', nullable: true },
    remittance: { type: 'text' },
    matchStatus: { type: 'text', name: 'match_status' },
    confidence: { type: 'real', nullable: true },
  },
});

export interface AllocationRow {
  id: number;
  transactionId: number;
  invoiceId: number | null;
  companyId: number;
  amountCents: number;
  kind: string;
  decidedBy: 'engine' | 'clerk';
}

export const AllocationEntity = new EntitySchema<AllocationRow>({
  name: 'Allocation',
  tableName: 'allocation',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    transactionId: { type: 'integer', name: 'transaction_id' },
    invoiceId: { type: 'integer', name: 'invoice_id', nullable: true },
    companyId: { type: 'integer', name: 'company_id' },
    amountCents: { type: 'integer', name: 'amount_cents' },
    kind: { type: 'text' },
    decidedBy: { type: 'text', name: 'decided_by' },
  },
});

export interface SettledInvoiceRow {
  id: number;
  companyId: number;
  customerCode: string;
  number: string;
  amountCents: number;
  issueDate: string;
}

export const SettledInvoiceEntity = new EntitySchema<SettledInvoiceRow>({
  name: 'SettledInvoice',
  tableName: 'settled_invoice',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    companyId: { type: 'integer', name: 'company_id' },
    customerCode: { type: 'text', name: 'customer_code' },
    number: { type: 'text' },
    amountCents: { type: 'integer', name: 'amount_cents' },
    issueDate: { type: 'text', name: 'issue_date' },
  },
});

/** Every entity, for the data source. */
export const entities = [
  CompanyEntity,
  BankAccountEntity,
  CustomerEntity,
  ImportFileEntity,
  InvoiceEntity,
  BankTransactionEntity,
  AllocationEntity,
  SettledInvoiceEntity,
];
