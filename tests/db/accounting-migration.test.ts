import { describe, expect, it } from 'vitest';
import { Accounting1764806500000 } from '../../migrations/0002-accounting.js';
import { postValidatedAllocations } from '../../src-main/accounting/post-allocations.js';
import type { Store } from '../../src-main/db/store.js';
import { migrationDatabases } from '../support/migration-databases.js';

const databases = migrationDatabases();

const accountingTables = [
  'export_batch',
  'journal_entry',
  'journal_line',
  'ledger_revenue',
  'lettering',
  'lettering_counter',
  'lettering_document',
  'posting_settings',
];

function tables(store: Store): string[] {
  return store.sql
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[];
}

function customerColumns(store: Store): string[] {
  return (store.sql.pragma('table_info(customer)') as Array<{ name: string }>).map((c) => c.name);
}

describe('migration 0002: accounting', () => {
  it('creates the accounting tables and the customer account column on an empty database', async () => {
    const store = await databases.open();
    expect(tables(store)).toEqual(expect.arrayContaining(accountingTables));
    expect(customerColumns(store)).toContain('account');
    const triggers = store.sql
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
      .pluck()
      .all();
    expect(triggers).toEqual(expect.arrayContaining(['journal_entry_balanced']));
  });

  it('brings a database filled by the first migration up to date and posts its allocations', async () => {
    const path = await databases.older(1, async (run) => {
      for (const statement of [
        `INSERT INTO company (id, code, name, siren, created_at) VALUES (1, 'C01', 'Alpha', '111111118', 'x')`,
        `INSERT INTO bank_account (id, company_id, iban) VALUES (1, 1, 'FR7630006000011234567890189')`,
        `INSERT INTO customer (id, company_id, code, name) VALUES (1, 1, '411ACME', 'ACME')`,
        `INSERT INTO invoice (id, company_id, customer_id, number, kind, issue_date, amount_cents,
         ledger_open_cents, source_file, source_line)
       VALUES (1, 1, 1, 'F1', 'invoice', '2026-10-01', 5000, 5000, 'open.csv', 2)`,
        `INSERT INTO import_file (id, kind, format, file_name, sha256, company_id, imported_at,
         record_count, new_record_count) VALUES (1, 'statement', 'camt.053', 's.xml', 'h', 1, 'x', 1, 1)`,
        `INSERT INTO statement (id, import_file_id, company_id, bank_account_id, currency)
       VALUES (1, 1, 1, 1, 'EUR')`,
        `INSERT INTO bank_transaction (id, company_id, bank_account_id, statement_id, source_file,
         source_index, source_line, booking_date, amount_cents, currency, remittance,
         references_json, details_json, reversal, fingerprint, match_status)
       VALUES (1, 1, 1, 1, 's.xml', 1, 9, '2026-11-16', 5000, 'EUR', 'F1', '[]', '{}', 0, 'fp', 'auto')`,
        `INSERT INTO allocation (transaction_id, invoice_id, company_id, customer_id, amount_cents,
         kind, decided_by, created_at) VALUES (1, 1, 1, 1, 5000, 'invoice', 'engine', 'x')`,
      ]) {
        await run(statement);
      }
    });

    const store = await databases.open(path);
    expect(tables(store)).toEqual(expect.arrayContaining(accountingTables));
    expect(store.sql.prepare('SELECT code, name, account FROM customer').get()).toEqual({
      code: '411ACME',
      name: 'ACME',
      account: null,
    });
    expect(postValidatedAllocations(store)).toEqual({ receipts: 1, entries: 1, held: [] });
    expect(
      store.sql
        .prepare('SELECT account, auxiliary_account, debit_cents, credit_cents FROM journal_line')
        .raw()
        .all(),
    ).toEqual([
      ['512000', null, 5000, 0],
      ['411000', '411ACME', 0, 5000],
    ]);
  });

  it('can be taken down again, leaving the first schema as it was', async () => {
    const store = await databases.open();
    const runner = store.dataSource.createQueryRunner();
    await new Accounting1764806500000().down(runner);
    await runner.release();
    expect(tables(store).filter((name) => accountingTables.includes(name))).toEqual([]);
    expect(customerColumns(store)).not.toContain('account');
  });
});
