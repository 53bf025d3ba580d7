import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger mirror: companies and their bank accounts, customers and their open items,
 * imported statements and their transactions, the engine's allocations and proposals, and
 * what it learned about payers. Amounts are integer cents.
 */
export class InitialSchema1764806400000 implements MigrationInterface {
  name = 'InitialSchema1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'payer_link',
      'proposal',
      'allocation',
      'bank_transaction',
      'statement',
      'import_file',
      'invoice',
      'customer',
      'bank_account',
      'company',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

const statements = [
  `CREATE TABLE company (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    siren TEXT UNIQUE,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE bank_account (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    iban TEXT UNIQUE,
    bank_code TEXT,
    branch_code TEXT,
    account_number TEXT,
    UNIQUE (bank_code, branch_code, account_number)
  )`,
  `CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    siren TEXT,
    UNIQUE (company_id, code)
  )`,
  `CREATE TABLE invoice (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    customer_id INTEGER NOT NULL REFERENCES customer(id),
    number TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'creditNote', 'payment')),
    issue_date TEXT NOT NULL,
    due_date TEXT,
    amount_cents INTEGER NOT NULL,
    ledger_open_cents INTEGER NOT NULL,
    source_file TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    UNIQUE (company_id, customer_id, number, kind)
  )`,
  `CREATE INDEX invoice_open ON invoice (company_id) WHERE ledger_open_cents <> 0`,
  `CREATE TABLE import_file (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('statement', 'ledger')),
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    company_id INTEGER REFERENCES company(id),
    imported_at TEXT NOT NULL,
    record_count INTEGER NOT NULL,
    new_record_count INTEGER NOT NULL
  )`,
  `CREATE TABLE statement (
    id INTEGER PRIMARY KEY,
    import_file_id INTEGER NOT NULL REFERENCES import_file(id),
    company_id INTEGER NOT NULL REFERENCES company(id),
    bank_account_id INTEGER NOT NULL REFERENCES bank_account(id),
    bank_statement_id TEXT,
    currency TEXT NOT NULL,
    opening_date TEXT,
    opening_cents INTEGER,
    closing_date TEXT,
    closing_cents INTEGER
  )`,
  `CREATE TABLE bank_transaction (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    bank_account_id INTEGER NOT NULL REFERENCES bank_account(id),
    statement_id INTEGER NOT NULL REFERENCES statement(id),
    source_file TEXT NOT NULL,
    source_index INTEGER NOT NULL,
    source_line INTEGER NOT NULL,
    booking_date TEXT NOT NULL,
    value_date TEXT,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    payer_name TEXT,
    payer_iban TEXT,
    ultimate_payer_name TEXT,
    remittance TEXT NOT NULL,
    references_json TEXT NOT NULL,
    details_json TEXT NOT NULL,
    end_to_end_id TEXT,
    bank_reference TEXT,
    operation_code TEXT,
    reversal INTEGER NOT NULL,
    charges_cents INTEGER,
    fingerprint TEXT NOT NULL UNIQUE,
    match_status TEXT NOT NULL DEFAULT 'pending'
      CHECK (match_status IN ('pending', 'auto', 'proposed', 'unmatched', 'validated', 'rejected')),
    confidence REAL,
    explanation TEXT,
    matched_at TEXT
  )`,
  `CREATE INDEX bank_transaction_status ON bank_transaction (match_status)`,
  `CREATE TABLE allocation (
    id INTEGER PRIMARY KEY,
    transaction_id INTEGER NOT NULL REFERENCES bank_transaction(id) ON DELETE CASCADE,
    invoice_id INTEGER REFERENCES invoice(id),
    company_id INTEGER NOT NULL REFERENCES company(id),
    customer_id INTEGER REFERENCES customer(id),
    amount_cents INTEGER NOT NULL,
    kind TEXT NOT NULL,
    decided_by TEXT NOT NULL CHECK (decided_by IN ('engine', 'clerk')),
    created_at TEXT NOT NULL
  )`,
  `CREATE INDEX allocation_invoice ON allocation (invoice_id)`,
  `CREATE INDEX allocation_transaction ON allocation (transaction_id)`,
  `CREATE TABLE proposal (
    id INTEGER PRIMARY KEY,
    transaction_id INTEGER NOT NULL REFERENCES bank_transaction(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    lines_json TEXT NOT NULL,
    explanation TEXT NOT NULL,
    UNIQUE (transaction_id, rank)
  )`,
  `CREATE TABLE payer_link (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('iban', 'name')),
    key TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('ledger', 'engine', 'clerk')),
    hits INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (kind, key, customer_id)
  )`,
];
