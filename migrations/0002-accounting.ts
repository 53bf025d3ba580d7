import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounting impact of allocations: posting settings per company, bank-journal entries
 * and their lines, lettrage groups with a per-customer counter so that codes are never
 * reused, export batches, and the revenue per month read from the ledgers.
 *
 * SQLite has no deferred check across rows, so balance is enforced at the one moment that
 * matters: an entry is inserted as a draft, its lines are added, and the update that posts
 * it is refused unless its debits equal its credits. Posted lines cannot change and an
 * exported entry cannot change or go away: only a reversing entry undoes it.
 */
export class Accounting1764806500000 implements MigrationInterface {
  name = 'Accounting1764806500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'set_aside_receipt',
      'journal_line',
      'lettering_document',
      'lettering_counter',
      'lettering',
      'journal_entry',
      'export_batch',
      'ledger_revenue',
      'posting_settings',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query('ALTER TABLE customer DROP COLUMN account');
    await queryRunner.query('ALTER TABLE import_file DROP COLUMN ledger_date');
  }
}

const refuse = (message: string) => `SELECT RAISE(ABORT, '${message}');`;

const statements = [
  // The collective account the ledger books the customer on (411000, 411100...), when known.
  `ALTER TABLE customer ADD COLUMN account TEXT`,
  // The date a ledger stands at, so that an older one is refused after a newer one.
  `ALTER TABLE import_file ADD COLUMN ledger_date TEXT`,
  `CREATE TABLE posting_settings (
    company_id INTEGER PRIMARY KEY REFERENCES company(id) ON DELETE CASCADE,
    journal_code TEXT NOT NULL,
    journal_label TEXT NOT NULL,
    transfer_journal_code TEXT NOT NULL,
    transfer_journal_label TEXT NOT NULL,
    bank_account TEXT NOT NULL,
    customer_account TEXT NOT NULL,
    price_revision_account TEXT NOT NULL,
    bank_fee_account TEXT NOT NULL,
    write_off_loss_account TEXT NOT NULL,
    write_off_gain_account TEXT NOT NULL,
    write_off_max_cents INTEGER NOT NULL CHECK (write_off_max_cents >= 0),
    on_account_account TEXT NOT NULL,
    intercompany_account TEXT NOT NULL,
    suspense_account TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE ledger_revenue (
    company_id INTEGER NOT NULL REFERENCES company(id),
    month TEXT NOT NULL,
    revenue_cents INTEGER NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('fec', 'csv')),
    PRIMARY KEY (company_id, month)
  )`,
  `CREATE TABLE export_batch (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    number INTEGER NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('fec', 'csv')),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    entry_count INTEGER NOT NULL,
    line_count INTEGER NOT NULL,
    debit_cents INTEGER NOT NULL,
    credit_cents INTEGER NOT NULL,
    exported_at TEXT NOT NULL,
    CHECK (debit_cents = credit_cents),
    UNIQUE (company_id, number)
  )`,
  // A batch is sealed once its hash is written: re-writing it must give the same bytes.
  `CREATE TRIGGER export_batch_sealed BEFORE UPDATE ON export_batch WHEN OLD.sha256 <> ''
   BEGIN ${refuse('export batch: sealed once written')} END`,
  `CREATE TRIGGER export_batch_kept BEFORE DELETE ON export_batch
   BEGIN ${refuse('export batch: an exported batch is never deleted')} END`,
  `CREATE TABLE journal_entry (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    transaction_id INTEGER NOT NULL REFERENCES bank_transaction(id),
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'intercompany', 'reversal')),
    reverses_entry_id INTEGER REFERENCES journal_entry(id),
    journal_code TEXT NOT NULL,
    journal_label TEXT NOT NULL,
    entry_date TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted')),
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decision_id INTEGER,
    posted_at TEXT,
    batch_id INTEGER REFERENCES export_batch(id),
    entry_sequence INTEGER,
    entry_number TEXT,
    reflected_import_id INTEGER REFERENCES import_file(id),
    CHECK ((kind = 'reversal') = (reverses_entry_id IS NOT NULL)),
    CHECK (batch_id IS NULL OR (status = 'posted' AND entry_number IS NOT NULL))
  )`,
  `CREATE INDEX journal_entry_transaction ON journal_entry (transaction_id)`,
  `CREATE INDEX journal_entry_unexported ON journal_entry (company_id) WHERE batch_id IS NULL`,
  `CREATE INDEX journal_entry_batch ON journal_entry (batch_id)`,
  `CREATE UNIQUE INDEX journal_entry_number ON journal_entry (company_id, journal_code, entry_sequence)
   WHERE entry_sequence IS NOT NULL`,
  `CREATE UNIQUE INDEX journal_entry_reversal ON journal_entry (reverses_entry_id)
   WHERE reverses_entry_id IS NOT NULL`,
  `CREATE TABLE lettering (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES company(id),
    customer_id INTEGER NOT NULL REFERENCES customer(id),
    code TEXT NOT NULL CHECK (code GLOB '[A-Z]*' AND code NOT GLOB '*[^A-Z]*'),
    state TEXT NOT NULL CHECK (state IN ('partial', 'full', 'cancelled')),
    lettered_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (customer_id, code)
  )`,
  // The next code of each customer account only ever grows: a code undone stays taken.
  `CREATE TABLE lettering_counter (
    customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
    next_index INTEGER NOT NULL CHECK (next_index >= 0)
  )`,
  `CREATE TRIGGER lettering_counter_grows BEFORE UPDATE ON lettering_counter
   WHEN NEW.next_index < OLD.next_index
   BEGIN ${refuse('lettering counter: codes are never reused')} END`,
  `CREATE TABLE lettering_document (
    lettering_id INTEGER NOT NULL REFERENCES lettering(id),
    invoice_id INTEGER NOT NULL REFERENCES invoice(id),
    added_by_entry_id INTEGER NOT NULL,
    PRIMARY KEY (lettering_id, invoice_id)
  )`,
  `CREATE INDEX lettering_document_invoice ON lettering_document (invoice_id)`,
  `CREATE TABLE journal_line (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES journal_entry(id),
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    account TEXT NOT NULL,
    account_label TEXT NOT NULL,
    auxiliary_account TEXT,
    auxiliary_label TEXT,
    piece_ref TEXT NOT NULL,
    label TEXT NOT NULL,
    debit_cents INTEGER NOT NULL CHECK (debit_cents >= 0),
    credit_cents INTEGER NOT NULL CHECK (credit_cents >= 0),
    invoice_id INTEGER REFERENCES invoice(id),
    customer_id INTEGER REFERENCES customer(id),
    allocation_id INTEGER,
    decided_by TEXT,
    lettering_id INTEGER REFERENCES lettering(id),
    lettering_code TEXT,
    lettering_date TEXT,
    lettered_documents TEXT,
    CHECK ((debit_cents = 0) <> (credit_cents = 0)),
    UNIQUE (entry_id, position)
  )`,
  `CREATE INDEX journal_line_invoice ON journal_line (invoice_id)`,
  `CREATE INDEX journal_line_allocation ON journal_line (allocation_id)`,
  // Receipts whose unexported entry a ledger import undid because the accounting had settled
  // the document by hand meanwhile: they wait for a clerk instead of being booked twice.
  `CREATE TABLE set_aside_receipt (
    transaction_id INTEGER NOT NULL REFERENCES bank_transaction(id),
    invoice_id INTEGER NOT NULL REFERENCES invoice(id),
    import_file_id INTEGER NOT NULL REFERENCES import_file(id),
    set_aside_at TEXT NOT NULL,
    PRIMARY KEY (transaction_id, import_file_id)
  )`,
  `CREATE INDEX journal_line_lettering ON journal_line (lettering_id)`,
  `CREATE TRIGGER journal_entry_born_draft BEFORE INSERT ON journal_entry
   WHEN NEW.status <> 'draft' OR NEW.batch_id IS NOT NULL
   BEGIN ${refuse('journal entry: insert it as a draft, add its lines, then post it')} END`,
  `CREATE TRIGGER journal_entry_balanced BEFORE UPDATE OF status ON journal_entry
   WHEN NEW.status = 'posted' AND OLD.status = 'draft'
   BEGIN
     SELECT RAISE(ABORT, 'journal entry: unbalanced, its debits differ from its credits')
     WHERE (SELECT coalesce(sum(debit_cents), 0) - coalesce(sum(credit_cents), 0)
            FROM journal_line WHERE entry_id = NEW.id) <> 0;
     SELECT RAISE(ABORT, 'journal entry: an entry has at least two lines')
     WHERE (SELECT count(*) FROM journal_line WHERE entry_id = NEW.id) < 2;
   END`,
  // Everything but the mark of the ledger import that reflects it is frozen once exported.
  `CREATE TRIGGER journal_entry_exported_frozen BEFORE UPDATE OF company_id, transaction_id,
     kind, reverses_entry_id, journal_code, journal_label, entry_date, label, status,
     decided_by, decided_at, decision_id, posted_at, batch_id, entry_sequence, entry_number
   ON journal_entry WHEN OLD.batch_id IS NOT NULL
   BEGIN ${refuse('journal entry: exported, only a reversing entry may undo it')} END`,
  `CREATE TRIGGER journal_entry_exported_kept BEFORE DELETE ON journal_entry
   WHEN OLD.batch_id IS NOT NULL
   BEGIN ${refuse('journal entry: exported, only a reversing entry may undo it')} END`,
  `CREATE TRIGGER journal_line_into_draft BEFORE INSERT ON journal_line
   WHEN (SELECT status FROM journal_entry WHERE id = NEW.entry_id) IS NOT 'draft'
   BEGIN ${refuse('journal line: its entry is already posted')} END`,
  `CREATE TRIGGER journal_line_posted_amounts BEFORE UPDATE OF entry_id, account,
     auxiliary_account, debit_cents, credit_cents ON journal_line
   WHEN (SELECT status FROM journal_entry WHERE id = OLD.entry_id) = 'posted'
   BEGIN ${refuse('journal line: its entry is posted')} END`,
  `CREATE TRIGGER journal_line_posted_kept BEFORE DELETE ON journal_line
   WHEN (SELECT status FROM journal_entry WHERE id = OLD.entry_id) = 'posted'
   BEGIN ${refuse('journal line: its entry is posted')} END`,
  // Lettrage membership may still move (a code cancelled later); what was written may not.
  `CREATE TRIGGER journal_line_exported_frozen BEFORE UPDATE OF entry_id, position, role,
     account, account_label, auxiliary_account, auxiliary_label, piece_ref, label,
     debit_cents, credit_cents, invoice_id, lettering_code, lettering_date, lettered_documents
   ON journal_line
   WHEN (SELECT batch_id FROM journal_entry WHERE id = OLD.entry_id) IS NOT NULL
   BEGIN ${refuse('journal line: exported, only a reversing entry may undo it')} END`,
];
